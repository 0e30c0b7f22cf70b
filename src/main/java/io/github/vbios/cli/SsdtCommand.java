package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios ssdt`; the owning issue replaces this body. */
@Command(name = "ssdt", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class SsdtCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios ssdt: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
