package io.github.vbios.cli;

import io.github.vbios.io.VbiosException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code -o/--output}, {@code --force} and {@code --json}, declared and worded once for every
 * command that writes (a picocli mixin). What OUT is (a romfile, a folder of tables) each
 * command's description says; the rules for writing it are the write layer's ({@code io.AtomicWrite},
 * {@code io.OutputFolder}): an existing OUT only with {@code --force}, an input never.
 */
class OutputOptions extends JsonOption {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "where to write: the file, or for "
            + "commands that write several files the folder (created); - is standard output where one file is written")
    Path output;

    @Option(names = "--force", description = "replace an existing OUT file, or write into a non-empty OUT folder "
            + "(never over an input)")
    boolean force;

    /**
     * {@link #output}, for the commands that cannot run without it. Checked here rather than by
     * picocli's {@code required}, which a shared option cannot vary per command.
     */
    Path required(CommandSpec spec) {
        if (output == null) {
            throw new VbiosException(VbiosException.Kind.USAGE, spec.qualifiedName() + " needs -o OUT: "
                    + "where to write (see " + spec.qualifiedName() + " --help)");
        }
        return output;
    }
}
