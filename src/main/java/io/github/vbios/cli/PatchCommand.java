package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios patch`; the owning issue replaces this body. */
@Command(name = "patch", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class PatchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios patch: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
