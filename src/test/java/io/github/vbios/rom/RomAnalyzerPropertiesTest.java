package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.NvidiaDumps;
import io.github.vbios.sample.NvidiaLayoutB;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated inputs end in a result with findings: never an exception, never an
 * allocation far beyond the input size (issue 3).
 */
class RomAnalyzerPropertiesTest {
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        List<byte[]> l = new ArrayList<>();
        l.add(NvidiaSample.layoutA());
        l.add(NvidiaLayoutB.chain());
        l.add(NvidiaSample.flashDump());
        l.add(NvidiaDumps.nvfw(NvidiaSample.layoutA(), 0x100));
        Path corpus = Corpus.rootOrNull();
        if (corpus != null) {
            for (String n : List.of("kepler-gk107.rom", "maxwell-m2200m.rom", "pascal-p5000m.rom",
                    "turing-tu117-t1000.rom", "amd-rx580.rom")) {
                try {
                    l.add(Files.readAllBytes(corpus.resolve("roms").resolve(n)));
                } catch (IOException e) {
                    // corpus file missing: the synthetic seeds still run
                }
            }
        }
        return l;
    }

    static RomAnalysis checked(byte[] input) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(input));
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(input));
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(a).isNotNull();
        assertThat(found).isNotNull();
        assertThat(a.isOptionRom() || a.notARomReason() != null).isTrue();
        // decompressed GOPs are the only large allocations; 40x the input plus a fixed floor bounds them
        assertThat(allocated).isLessThan(40L * input.length + (24L << 20));
        return a;
    }

    @Property(tries = 200)
    void randomBytes(@ForAll("random") byte[] input) {
        checked(input);
    }

    @Property(tries = 120)
    void bitFlips(@ForAll("seed") byte[] seed, @ForAll("positions") List<Integer> flips) {
        byte[] b = seed.clone();
        for (int f : flips) {
            b[Math.floorMod(f, b.length)] ^= (byte) (1 << (f & 7));
        }
        checked(b);
    }

    @Property(tries = 120)
    void truncation(@ForAll("seed") byte[] seed, @ForAll("fraction") double keep) {
        checked(Arrays.copyOf(seed, (int) (seed.length * keep)));
    }

    /** Length and pointer fields of every header (PCIR length, byte 2, NPDE size, pointers) set to extremes. */
    @Property(tries = 120)
    void extremeLengthFields(@ForAll("seed") byte[] seed, @ForAll("extreme") int value, @ForAll("field") int field,
                             @ForAll("positions") List<Integer> which) {
        byte[] b = seed.clone();
        ByteSlice s = ByteSlice.of(b);
        List<Integer> headers = new ArrayList<>();
        for (int off = 0; off + 0x1A <= b.length; off += 512) {
            if (RomSignature.of(s.u16(off)).isPresent()) {
                headers.add(off);
            }
        }
        if (headers.isEmpty()) {
            headers.add(0);
        }
        for (int w : which) {
            int h = headers.get(Math.floorMod(w, headers.size()));
            int p = s.contains(h + 0x18, 2) ? s.u16(h + 0x18) : 0;
            int[] targets = {h + 2, h + 0x18, h + p + 0x0A, h + p + 0x10, h + p + 0x15, h + ((p + 0x18 + 15) & ~15) + 6,
                h + ((p + 0x18 + 15) & ~15) + 8, h + 0x16, h + 0x0C};
            int t = targets[Math.floorMod(field + w, targets.length)];
            if (t >= 0 && t + 1 < b.length) {
                b[t] = (byte) value;
                b[t + 1] = (byte) (value >> 8);
            }
        }
        checked(b);
    }

    @Provide
    Arbitrary<byte[]> random() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        // random bytes that start like a ROM, so the walkers get past the first check
        Arbitrary<byte[]> romish = noise.map(b -> {
            byte[] c = Arrays.copyOf(b, Math.max(b.length, 0x40));
            c[0] = 0x55;
            c[1] = (byte) 0xAA;
            c[0x18] = 0x1C;
            c[0x19] = 0;
            System.arraycopy("PCIR".getBytes(StandardCharsets.US_ASCII), 0, c, 0x1C, 4);
            return c;
        });
        return Arbitraries.oneOf(noise, romish);
    }

    @Provide
    Arbitrary<byte[]> seed() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Integer> extreme() {
        return Arbitraries.of(0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF);
    }

    @Provide
    Arbitrary<Integer> field() {
        return Arbitraries.integers().between(0, 8);
    }

}
