package io.github.vbios.firmware.external;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * External unpackers (innoextract, upx) behind one interface, so tests can pretend they are
 * missing and the walk never depends on them (issue 5: used only when installed).
 */
public interface ExternalTools {
    /** The program's path on PATH; empty when it is not installed. */
    Optional<Path> find(String program);

    /** Runs {@code command} in {@code dir}; returns the exit status; kills it after {@code seconds}. */
    int run(List<String> command, Path dir, long seconds) throws IOException;

    /** True when the user turned external unpackers off ({@code --no-external}): findings say so. */
    default boolean disabled() {
        return false;
    }

    /** No external program is run, because the user said so ({@code --no-external}). */
    static ExternalTools off() {
        return new NoExternalTools(true);
    }

    static ExternalTools none() {
        return new NoExternalTools(false);
    }

    static ExternalTools system() {
        return new ExternalTools() {
            @Override
            public Optional<Path> find(String program) {
                String path = System.getenv("PATH");
                if (path == null) {
                    return Optional.empty();
                }
                for (String dir : path.split(File.pathSeparator, -1)) {
                    Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
                return Optional.empty();
            }

            @Override
            public int run(List<String> command, Path dir, long seconds) throws IOException {
                Process p = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IOException(command.get(0) + " did not finish within " + seconds + " s");
                    }
                    return p.exitValue();
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        };
    }
}
