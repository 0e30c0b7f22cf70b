package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 13.4/13.5: what the command line says is said in one place. */
class OneCliLayerTest {
    private static String out(String... args) {
        StringWriter out = new StringWriter();
        assertThat(Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
        return out.toString();
    }

    /** Launcher's fast path and picocli's --version print {@link VersionProvider#text}, nothing of their own. */
    @Test
    void versionTextIsMadeOnce() {
        assertThat(out("--version")).isEqualTo(VersionProvider.text(false) + System.lineSeparator());
        assertThat(out("--version", "--json")).isEqualTo(VersionProvider.text(true) + System.lineSeparator());
        assertThat(VersionProvider.text(false).lines().toList())
                .containsExactly(new VersionProvider().getVersion());
    }

    /**
     * The refusals of the write layer are written once, in io.OutputRefusals: no other source file
     * may word "pass --force" or "never writes over its input" itself.
     */
    @Test
    void writeRefusalsAreWordedOnce() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            List<Path> sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            for (String sentence : new String[] {"pass --force", "never writes over"}) {
                List<String> where = sources.stream().filter(p -> read(p).contains(sentence))
                        .map(p -> p.getFileName().toString()).toList();
                assertThat(where).as(sentence).containsExactly("OutputRefusals.java");
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
