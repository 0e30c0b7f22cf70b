package io.github.vbios.acpi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Starting qemu-system-x86_64 from tests. */
final class Qemu {
    static final String BINARY = "qemu-system-x86_64";

    record Result(int exitCode, String output) {
    }

    private Qemu() {
    }

    static void assumeInstalled() {
        AcpiExec.assumeInstalled(BINARY);
    }

    /** Starts QEMU stopped ({@code -S}) with the extra arguments, then quits through the monitor. */
    static Result startStopped(List<String> extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY, "-machine", "q35", "-S", "-display", "none",
                "-nodefaults", "-monitor", "stdio", "-m", "256"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write("quit\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // QEMU already exited (refused its arguments): its output says why
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out);
    }

    static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            if (Files.isRegularFile(Path.of(c))) {
                return Path.of(c);
            }
        }
        Assumptions.abort("none of " + String.join(", ", candidates) + " found; skipping");
        return null;
    }
}
