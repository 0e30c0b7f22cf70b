package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios optimus`; the owning issue replaces this body. */
@Command(name = "optimus", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class OptimusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios optimus: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
