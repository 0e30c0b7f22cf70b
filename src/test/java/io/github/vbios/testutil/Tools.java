package io.github.vbios.testutil;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Reference tools on the PATH (UEFIExtract, acpiexec, qemu, 7z, gcab, ...). Peer tests that need
 * one skip with a message naming the Debian package when it is absent; .ci/run installs them all.
 */
public final class Tools {
    private Tools() {
    }

    /** The executable {@code tool} on the PATH, or null. */
    public static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The executable {@code tool}; skips the calling test with {@code why} when it is not installed. */
    public static Path require(String tool, String why) {
        Path p = onPath(tool);
        Assumptions.assumeTrue(p != null, why);
        return p;
    }
}
