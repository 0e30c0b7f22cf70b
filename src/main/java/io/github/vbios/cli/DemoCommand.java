package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios demo`; the owning issue replaces this body. */
@Command(name = "demo", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios demo: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
