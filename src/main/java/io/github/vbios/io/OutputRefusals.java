package io.github.vbios.io;

import java.nio.file.Path;

/**
 * The sentences with which the write layer refuses an output (exit 2), written once: every
 * writer ({@link AtomicWrite}, {@link OutputFolder}, {@link OutputTransaction}, {@link Inputs})
 * throws these, so a user sees the same words whichever command refused.
 */
final class OutputRefusals {
    private OutputRefusals() {
    }

    /** An output that exists (a file) or holds files (a folder), without {@code --force}. */
    static VbiosException exists(Path target, boolean folder) {
        return new VbiosException(VbiosException.Kind.USAGE, target + (folder ? " is not empty" : " exists")
                + "; pass --force to " + (folder ? "write into it anyway" : "overwrite it"));
    }

    /** An output that would replace one of the command's inputs: never, not even with {@code --force}. */
    static VbiosException isInput(Path target, Path input) {
        return new VbiosException(VbiosException.Kind.USAGE, target + " is the input file " + input
                + "; vbios never writes over its input, even with --force: choose another output name");
    }

    /** A single-file output whose folder does not exist: created only for folder outputs. */
    static VbiosException noFolder(Path target, Path folder) {
        return new VbiosException(VbiosException.Kind.USAGE, "cannot write " + target + ": the folder " + folder
                + " does not exist; create it first (mkdir -p " + folder + ")");
    }
}
