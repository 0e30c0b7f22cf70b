package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios vm`; the owning issue replaces this body. */
@Command(name = "vm", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class VmCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios vm: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
