package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.cli.Main;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.PartFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs the real command line on hostile inputs, in-process (captured streams, a per-run timeout)
 * or in a child JVM (signals, umask, a private mount namespace), and checks what every such run
 * must leave behind.
 */
public final class HostileRun {
    /** Exit statuses a refusal may end with (docs/exit-codes.md): never 1, the "internal error". */
    public static final List<Integer> REFUSALS = List.of(2, 3, 4, 5, 7);

    private HostileRun() {
    }

    /** What one run printed and returned. */
    public record Result(int code, String out, String err) {
        public String all() {
            return out + err;
        }

        /** No stack trace and no exception class name reached the user. */
        public void assertClean() {
            assertThat(all()).as("output of the run").doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        }
    }

    /** {@code vbios ARGS} through {@link Main#run}; fails the test when it takes longer than {@code seconds}. */
    public static Result run(int seconds, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-run");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Integer> f = ex.submit(() -> Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
            return new Result(f.get(seconds, TimeUnit.SECONDS), out.toString(), err.toString());
        } catch (TimeoutException e) {
            throw new AssertionError("vbios " + String.join(" ", args) + " ran longer than " + seconds + " s");
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("vbios " + String.join(" ", args) + " threw " + e.getCause(), e);
        } finally {
            ex.shutdownNow();
        }
    }

    /** The java command for a child JVM with this test run's class path. */
    public static List<String> java(String... jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    /** Runs {@code cmd}; fails the test past {@code seconds}. */
    public static Result exec(int seconds, List<String> cmd) throws IOException, InterruptedException {
        Path o = Files.createTempFile("hostile", ".out");
        Path e = Files.createTempFile("hostile", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " ran longer than " + seconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(o, StandardCharsets.ISO_8859_1),
                    Files.readString(e, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }

    /**
     * Every entry under {@code dir} (links not followed) with the sha256 of each regular file,
     * so a before/after comparison shows a file that appeared, vanished or changed.
     */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, Files.size(p) > (64 << 20) ? "size " + Files.size(p)
                            : ByteSlice.of(Files.readAllBytes(p)).sha256());
                } else if (Files.isSymbolicLink(p)) {
                    m.put(key, "-> " + Files.readSymbolicLink(p));
                } else {
                    m.put(key, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : "special");
                }
            }
        }
        return m;
    }

    /** vbios work files ({@code .NAME<digits>.part}) anywhere under {@code dir}. */
    public static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(PartFiles::isLeftover).toList();
        }
    }

    /** Runs {@code cmd} and returns its exit status (set-up steps such as mkfifo, mount). */
    public static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
