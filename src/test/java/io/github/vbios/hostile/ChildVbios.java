package io.github.vbios.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code vbios} in a child JVM with a small heap (the test JVM's class path), so a test can
 * bound memory, send signals and see the real exit status and stderr. A generous timeout is a hang
 * guard only: no test asserts how long a run takes.
 */
final class ChildVbios {
    static final long HANG_GUARD_SECONDS = 300;

    record Result(int code, String out, String err, long peakRssKb) {
        /** True when the run printed a Java stack trace or an exception name. */
        boolean leakedTrace() {
            String all = out + err;
            return all.contains("\tat ") || all.contains("Exception") || all.contains("Error:")
                    && all.contains("java.");
        }
    }

    private ChildVbios() {
    }

    static ProcessBuilder builder(String heap, Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.github.vbios.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("VBIOS_DEBUG");
        return pb;
    }

    /** Runs to the end (or the hang guard) with {@code -Xmx} {@code heap}; stdout and stderr are kept. */
    static Result run(String heap, Path dir, String... args) throws IOException, InterruptedException {
        File out = File.createTempFile("vbios-out", ".txt");
        File err = File.createTempFile("vbios-err", ".txt");
        try {
            Process p = builder(heap, dir, args).redirectOutput(out).redirectError(err).start();
            long peak = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, rssKb(p.pid()));
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("vbios " + String.join(" ", args) + " ran past the hang guard of "
                            + HANG_GUARD_SECONDS + " s");
                }
            }
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8), peak);
        } finally {
            out.delete();
            err.delete();
        }
    }

    /** The process's peak resident set (VmHWM) in KiB, 0 where /proc does not say. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two polls, or no procfs
        }
        return 0;
    }
}
