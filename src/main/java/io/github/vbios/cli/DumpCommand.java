package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios dump`; the owning issue replaces this body. */
@Command(name = "dump", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class DumpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios dump: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
