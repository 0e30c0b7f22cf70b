package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios info`; the owning issue replaces this body. */
@Command(name = "info", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios info: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
