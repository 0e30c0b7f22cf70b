package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fill-run scans of {@link TailClassifier} (word-at-a-time runs, sampled island ends) find what
 * the obvious byte loops find, on slices cut out of a larger array.
 */
class TailClassifierRunsTest {
    /** Runs of 00, FF and other bytes, many near MIN_FILL long, so long and almost-long runs meet. */
    @Provide
    Arbitrary<byte[]> runs() {
        Arbitrary<byte[]> run = Combinators.combine(Arbitraries.of(0, 0xFF, 0x11, 0x22),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(TailClassifier.MIN_FILL - 3, TailClassifier.MIN_FILL + 3)))
                .as((value, n) -> {
                    byte[] b = new byte[n];
                    Arrays.fill(b, value.byteValue());
                    return b;
                });
        return run.list().ofMaxSize(12).map(parts -> {
            byte[] out = new byte[parts.stream().mapToInt(p -> p.length).sum()];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        });
    }

    @Property(tries = 1500)
    void islandEndFindsTheFirstLongFillRun(@ForAll("runs") byte[] data, @ForAll @IntRange(min = 0, max = 700) int rawPos,
                                           @ForAll @IntRange(min = 0, max = 3) int lead) {
        byte[] padded = new byte[data.length + lead + 600]; // zeros after the slice: a run must not reach into them
        System.arraycopy(data, 0, padded, lead, data.length);
        ByteSlice file = ByteSlice.of(padded).slice(lead, data.length);
        long pos = Math.min(rawPos, data.length);
        assertThat(TailClassifier.islandEnd(file, pos)).isEqualTo(naiveIslandEnd(data, (int) pos));
    }

    @Property(tries = 1500)
    void fillRunIsTheRunOfTheByteAtPos(@ForAll("runs") byte[] data, @ForAll @IntRange(min = 0, max = 700) int rawPos) {
        if (data.length == 0) {
            return;
        }
        int pos = Math.min(rawPos, data.length - 1);
        byte[] padded = Arrays.copyOf(data, data.length + 64);
        Arrays.fill(padded, data.length, padded.length, data[data.length - 1]);
        ByteSlice file = ByteSlice.of(padded).slice(0, data.length);
        long expected = 0;
        if (data[pos] == 0 || data[pos] == (byte) 0xFF) {
            int i = pos;
            while (i < data.length && data[i] == data[pos]) {
                i++;
            }
            expected = (long) i - pos;
        }
        assertThat(TailClassifier.fillRun(file, pos)).isEqualTo(expected);
    }

    @Test
    void islandEndSeesARunOfExactlyMinFillWhereverItStarts() {
        int m = TailClassifier.MIN_FILL;
        for (int at = 0; at <= 2 * m + 2; at++) {
            for (int pos : new int[] {0, 1, at}) {
                byte[] d = new byte[3 * m + 8];
                Arrays.fill(d, (byte) 0x11);
                Arrays.fill(d, at, at + m, (byte) 0xFF);
                ByteSlice file = ByteSlice.of(d);
                assertThat(TailClassifier.islandEnd(file, pos)).as("run at %d, from %d", at, pos)
                        .isEqualTo(pos <= at ? at : d.length);
                d[at + m - 1] = 0x11; // one byte short
                assertThat(TailClassifier.islandEnd(file, pos)).isEqualTo(d.length);
            }
        }
    }

    /** The loop islandEnd replaced: byte by byte, tracking where the current run started. */
    private static long naiveIslandEnd(byte[] d, int pos) {
        int runStart = pos;
        for (int i = pos; i < d.length; i++) {
            if (i > runStart && d[i] != d[i - 1]) {
                runStart = i;
            }
            if ((d[i] == 0 || d[i] == (byte) 0xFF) && i - runStart + 1 >= TailClassifier.MIN_FILL) {
                return runStart;
            }
        }
        return d.length;
    }
}
