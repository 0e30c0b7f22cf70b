package io.github.vbios.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real-world corpus ({@code shared/corpus} beside the repository). It is not part of
 * the repository: tests that need it skip with a message when it is absent (a user's fresh clone).
 */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus folder, or null when it cannot be found. */
    public static Path rootOrNull() {
        String prop = System.getProperty("vbios.corpus");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (String candidate : List.of("../shared/corpus", "../../shared/corpus")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    public static Path root() {
        Path r = rootOrNull();
        Assumptions.assumeTrue(r != null,
                "corpus not found (expected ../shared/corpus beside the repository or -Dvbios.corpus=DIR); skipping");
        return r;
    }

    /** A corpus file such as {@code roms/kepler-gk107.rom}; skips the test when it is absent. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus file " + relative + " not found; skipping");
        return p;
    }

    /** Every file in a corpus sub-folder, sorted by name. */
    public static List<Path> files(String folder) {
        Path dir = root().resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "corpus folder " + folder + " not found; skipping");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
