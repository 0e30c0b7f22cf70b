package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder registration for `vbios doctor`; the owning issue replaces this body. */
@Command(name = "doctor", description = "(arrives with its issue)", mixinStandardHelpOptions = true)
public final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vbios doctor: this command is not available in this build yet");
        return ExitCodes.INTERNAL;
    }
}
