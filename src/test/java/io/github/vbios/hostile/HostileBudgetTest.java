package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 points 2, 4 and 7 end to end: every command that reads a file, in a child JVM with a
 * small heap, on each decoding bomb. Each run must end with its documented exit status (extract
 * and optimus: 8 "incomplete", the ROM commands: 3), without a stack trace, leaving the input
 * unchanged and nothing outside its output folder, within a bounded heap.
 */
class HostileBudgetTest {
    /** Heap for the bomb runs: the walk sizes its stream cap from it (an eighth). */
    private static final String HEAP = "-Xmx256m";
    /** A 256 MiB heap plus JVM overhead; a walk that kept its decoded gigabyte would be far above. */
    private static final long MAX_RSS_KB = 700L << 10;

    @TempDir
    static Path bombs;

    record Bomb(String file, List<String> extraArgs) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void build() throws IOException {
        Files.write(bombs.resolve("lzma-wrong-size.fd"), BudgetBombs.lzmaWrongSize(1000));
        Files.write(bombs.resolve("xz-over-cap.zip"), BudgetBombs.xzOverCap(20, 1000));
        Files.write(bombs.resolve("nested.zip"), BudgetBombs.nestedZip());
        Files.write(bombs.resolve("crc32-chain.fd"), BudgetBombs.crc32Chain(20_000,
                FirmwareBuilder.sections(FirmwareBuilder.rawSection(new byte[64]))));
        Files.write(bombs.resolve("zip-chain.zip"), BudgetBombs.storedZipChain(3000, new byte[64]));
    }

    static Stream<Bomb> bombs() {
        return Stream.of(new Bomb("lzma-wrong-size.fd", List.of()), new Bomb("xz-over-cap.zip", List.of()),
                new Bomb("nested.zip", List.of()), new Bomb("crc32-chain.fd", List.of("--max-depth", "1000")),
                new Bomb("zip-chain.zip", List.of("--max-depth", "2000")));
    }

    @ParameterizedTest(name = "extract {0}")
    @MethodSource("bombs")
    void extractEndsIncomplete(Bomb b, @TempDir Path work) throws Exception {
        Path in = copy(b, work);
        List<String> args = new ArrayList<>(List.of("extract", in.toString(), "-o", "out", "--json"));
        args.addAll(b.extraArgs());
        ChildVbios.Result r = check(in, work, args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(8);
        assertThat(r.err()).contains("incomplete: the input could not be fully examined");
        assertThat(r.out()).contains("\"complete\" : false");
        assertThat(Files.readString(work.resolve("out/report.json"))).contains("\"incompleteReasons\"");
    }

    @ParameterizedTest(name = "optimus {0}")
    @MethodSource("bombs")
    void optimusSaysIncompleteNotNothingFound(Bomb b, @TempDir Path work) throws Exception {
        Path in = copy(b, work);
        ChildVbios.Result r = check(in, work, "optimus", in.toString(), "-o", "out");
        // optimus walks with the default --max-depth: the chains end at depth 32, the bombs on the budget
        assertThat(r.code()).as(r.err()).isEqualTo(8);
        assertThat(r.err()).contains("could not be fully examined");
    }

    @ParameterizedTest(name = "info, patch, ssdt {0}")
    @MethodSource("bombs")
    void romCommandsRefuseTheBombs(Bomb b, @TempDir Path work) throws Exception {
        Path in = copy(b, work);
        assertThat(check(in, work, "info", in.toString()).code()).isEqualTo(3);
        assertThat(check(in, work, "patch", in.toString(), "-o", "out.rom").code()).isEqualTo(3);
        assertThat(check(in, work, "ssdt", "--rom", in.toString(), "--path", "\\_SB.PCI0.S08.S00", "-o", "out")
                .code()).isEqualTo(3);
    }

    /**
     * Issue 12.4: with -Xmx64m a zip holding a 1 GiB zero member before an NVIDIA ROM gave exit 4
     * "no video BIOS found". The stream cap now fits the heap: the member is skipped with a
     * finding, the ROM is written, and the run says it is incomplete.
     */
    @Test
    void smallHeapStillFindsTheRomBesideAGigabyteMember(@TempDir Path work) throws Exception {
        byte[] rom = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x8000);
        Path in = work.resolve("big.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(in))) {
            z.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                z.write(mib);
            }
            z.closeEntry();
            z.putNextEntry(new ZipEntry("gpu.rom"));
            z.write(rom);
            z.closeEntry();
        }
        String before = sha(in);
        ChildVbios.Result r = ChildVbios.run("-Xmx64m", work, "extract", in.toString(), "-o", "out", "--json");
        assertThat(r.leakedTrace()).as(r.err()).isFalse();
        assertThat(r.code()).as(r.err()).isIn(0, 8).isNotEqualTo(4);
        assertThat(Files.readAllBytes(work.resolve("out/vbios_10de_1c8d.rom"))).isEqualTo(rom);
        assertThat(r.out()).contains("\"code\" : \"firmware.heap-limit\"");
        assertThat(sha(in)).isEqualTo(before);
    }

    /** The nested zip thrashed in GC for 300 s at -Xmx64m; now it ends on the budget like the others. */
    @Test
    void nestedZipAtSixtyFourMegabytes(@TempDir Path work) throws Exception {
        Path in = copy(new Bomb("nested.zip", List.of()), work);
        ChildVbios.Result r = check(in, work, "-Xmx64m", new String[] {"extract", in.toString(), "--json"});
        assertThat(r.code()).as(r.err()).isEqualTo(8);
    }

    /**
     * Issue 12.4: an input larger than the heap (a 200 MiB sparse file at -Xmx64m) ended in an
     * OutOfMemoryError stack trace, exit 1. Now: a sentence naming the heap and VBIOS_JAVA_OPTS,
     * exit 8 (or 3 where the reader refuses the size up front), never a trace.
     */
    @Test
    void inputLargerThanTheHeap(@TempDir Path work) throws Exception {
        Path in = work.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(in.toFile(), "rw")) {
            f.setLength(200L << 20);
        }
        for (String cmd : new String[] {"extract", "info"}) {
            ChildVbios.Result r = check(in, work, "-Xmx64m", new String[] {cmd, in.toString()});
            assertThat(r.code()).as(cmd + ": " + r.err()).isIn(3, 8);
            if (r.code() == 8) {
                assertThat(r.err()).contains("VBIOS_JAVA_OPTS=-Xmx");
            }
        }
    }

    private static ChildVbios.Result check(Path in, Path work, String... args) throws Exception {
        return check(in, work, HEAP, args);
    }

    /** Runs one command and checks what every run must satisfy. */
    private static ChildVbios.Result check(Path in, Path work, String heap, String[] args) throws Exception {
        String before = sha(in);
        List<String> filesBefore = listing(work);
        ChildVbios.Result r = ChildVbios.run(heap, work, args);
        assertThat(r.leakedTrace()).as("stack trace or exception text: " + r.err()).isFalse();
        assertThat(r.err()).doesNotContain("Exception").startsWith("vbios: ");
        assertThat(sha(in)).as("input unchanged").isEqualTo(before);
        for (String f : listing(work)) {
            assertThat(filesBefore.contains(f) || f.startsWith("out")).as("file outside out/: " + f).isTrue();
            assertThat(f).doesNotEndWith(".part");
        }
        if (r.peakRssKb() > 0) {
            assertThat(r.peakRssKb()).as("peak RSS in KiB").isLessThan(MAX_RSS_KB);
        }
        return r;
    }

    private static Path copy(Bomb b, Path work) throws IOException {
        return Files.copy(bombs.resolve(b.file()), work.resolve(b.file()));
    }

    private static String sha(Path p) throws IOException {
        return ByteSlice.of(Files.readAllBytes(p)).sha256();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
