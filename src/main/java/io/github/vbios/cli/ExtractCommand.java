package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios extract`; the owning issue replaces this body. */
@Command(name = "extract", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class ExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios extract: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
