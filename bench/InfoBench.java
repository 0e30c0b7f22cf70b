import io.github.vbios.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs `vbios info --json` over N copies of the ROM corpus in one process and prints files/s and
 * MB/s. Usage (from the repository root, after ./mvnw package):
 *   java -cp target/vbios.jar bench/InfoBench.java [COPIES] [CORPUS_ROMS_DIR]
 * Not part of the test run (TEAM.md: benchmarks live under bench/).
 */
public final class InfoBench {
    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = args.length > 1 ? Path.of(args[1]) : corpus();
        List<Path> roms;
        try (Stream<Path> s = Files.list(dir)) {
            roms = s.filter(p -> p.toString().endsWith(".rom")).sorted().toList();
        }
        long bytesPerCopy = 0;
        for (Path p : roms) {
            bytesPerCopy += Files.size(p);
        }
        List<String> argv = new ArrayList<>(List.of("info", "--json"));
        for (int i = 0; i < copies; i++) {
            roms.forEach(p -> argv.add(p.toString()));
        }
        CountingWriter sink = new CountingWriter();
        // warm-up pass: one copy, so the numbers describe the steady state of one long process too
        long t0 = System.nanoTime();
        int code = Main.run(argv.toArray(new String[0]), new PrintWriter(sink), new PrintWriter(Writer.nullWriter()));
        double s = (System.nanoTime() - t0) / 1e9;
        int files = copies * roms.size();
        double mb = copies * (double) bytesPerCopy / (1 << 20);
        System.out.printf("vbios info --json: %d files (%d copies of %d ROMs), %.1f MB in %.2f s (one process, cold JVM):"
                + " %.0f files/s, %.1f MB/s, exit %d, %d chars of JSON%n", files, copies, roms.size(), mb, s, files / s,
                mb / s, code, sink.chars);
    }

    private static Path corpus() {
        for (String c : List.of("../shared/corpus/roms", "../../shared/corpus/roms")) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("corpus not found: pass the roms folder as the second argument");
    }

    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
