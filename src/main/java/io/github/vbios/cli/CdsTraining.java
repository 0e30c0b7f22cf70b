package io.github.vbios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for the start-up cache that the launcher makes for the JDK it runs (the
 * {@code vbios} script with {@code VBIOS_PREPARE_CACHE=1}: at package time for Maven's JDK, by
 * {@code ./vbios} for another JDK, by the Debian package's postinst for every installed JDK):
 * {@code java -XX:AOTCacheOutput=...} on Java 25+, {@code -XX:ArchiveClassesAtExit=...} on 17-24,
 * with {@code -cp vbios.jar io.github.vbios.cli.CdsTraining [all|start-up]}. It runs the start-up
 * paths once with output discarded, so the cache holds the classes that {@code --version} and
 * {@code --help} load, both through {@link Launcher}'s fast path and through picocli; then, unless
 * the argument is {@code start-up}, the demo (every command on generated samples, text and JSON)
 * in a temporary folder so the commands' own classes start from the cache too.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        // The fast path of Launcher (no picocli) only needs its own few classes.
        VersionProvider.json(VersionProvider.current());
        String[][] runs = {
            {"--version"}, {"--version", "--json"}, {"--help"}, {"info", "--help"}, {"completion", "bash"},
        };
        for (String[] run : runs) {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            Main.run(run, sink, sink);
        }
        if (args.length > 0 && args[0].equals("start-up")) {
            return; // the cache for --version and --help alone (Java 25+: see the vbios launcher)
        }
        Path tmp = Files.createTempDirectory("vbios-cds");
        try {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            String demo = tmp.resolve("demo").toString();
            Main.run(new String[] {"demo", "-o", demo}, sink, sink);
            Main.run(new String[] {"info", "--json", demo + "/nvidia-flash-dump.rom"}, sink, sink);
            Main.run(new String[] {"extract", "--json", demo + "/laptop-bios.fd"}, sink, sink);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
