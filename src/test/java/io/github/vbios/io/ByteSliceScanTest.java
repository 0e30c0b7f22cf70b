package io.github.vbios.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans of {@link ByteSlice} agree with the obvious byte loops on any slice. */
class ByteSliceScanTest {

    @Provide
    Arbitrary<byte[]> smallAlphabet() {
        // few distinct values, so first-byte candidates and partial matches are frequent
        return Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(300);
    }

    @Property(tries = 2000)
    void indexOfMatchesNaiveSearch(@ForAll("smallAlphabet") byte[] data, @ForAll("smallAlphabet") byte[] rawNeedle,
                                   @ForAll @IntRange(min = 0, max = 20) int cut, @ForAll @IntRange(min = -2, max = 40) int from) {
        byte[] needle = rawNeedle.length == 0 ? new byte[] {1} : Arrays.copyOf(rawNeedle, Math.min(rawNeedle.length, 4));
        int lead = Math.min(cut, data.length);
        ByteSlice s = ByteSlice.of(data).from(lead);
        assertThat(s.indexOf(needle, from)).isEqualTo(naiveIndexOf(data, lead, needle, from, 1));
    }

    @Property(tries = 2000)
    void steppedIndexOfOnlyReportsOffsetsOnTheGrid(@ForAll("smallAlphabet") byte[] data, @ForAll @IntRange(min = 1, max = 5) int step,
                                                   @ForAll @IntRange(min = 0, max = 30) int from) {
        byte[] needle = {1, 2};
        assertThat(ByteSlice.of(data).indexOf(needle, from, step)).isEqualTo(naiveIndexOf(data, 0, needle, from, step));
    }

    @Property(tries = 2000)
    void sum8MatchesByteLoop(@ForAll byte[] data, @ForAll @IntRange(min = 0, max = 40) int off,
                             @ForAll @IntRange(min = 0, max = 5000) int len) {
        ByteSlice s = ByteSlice.of(data);
        int o = Math.min(off, data.length);
        int l = Math.min(len, data.length - o);
        int expected = 0;
        for (int i = o; i < o + l; i++) {
            expected += data[i];
        }
        assertThat(s.sum8(o, l)).isEqualTo(expected & 0xFF);
    }

    @Test
    void sum8OfLargeRunsFoldsLanesBeforeTheyCarry() {
        byte[] ff = new byte[1 << 20];
        Arrays.fill(ff, (byte) 0xFF);
        // 2^20 bytes of 0xFF sum to 2^20 * 255 = 0 mod 256; one more 0xFF byte makes 0xFF
        assertThat(ByteSlice.of(ff).sum8(0, ff.length)).isZero();
        assertThat(ByteSlice.of(ff).sum8(0, ff.length - 1)).isEqualTo(1);
    }

    @Property(tries = 1000)
    void isFilledWithMatchesByteLoop(@ForAll @IntRange(min = 0, max = 100) int n, @ForAll @IntRange(min = -1, max = 100) int flip,
                                     @ForAll @IntRange(min = 0, max = 9) int lead, @ForAll byte value) {
        byte[] data = new byte[n + lead];
        Arrays.fill(data, value);
        if (flip >= 0 && flip < data.length) {
            data[flip] ^= 1;
        }
        ByteSlice s = ByteSlice.of(data).from(Math.min(lead, data.length));
        boolean expected = true;
        for (int i = Math.min(lead, data.length); i < data.length; i++) {
            expected &= data[i] == value;
        }
        assertThat(s.isFilledWith(value)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void rangedIndexOfMatchesNaiveSearch(@ForAll("smallAlphabet") byte[] data, @ForAll("smallAlphabet") byte[] rawNeedle,
                                         @ForAll @IntRange(min = 0, max = 20) int cut, @ForAll @IntRange(min = 0, max = 20) int trim,
                                         @ForAll @IntRange(min = -5, max = 320) int from, @ForAll @IntRange(min = -5, max = 320) int to,
                                         @ForAll @IntRange(min = 1, max = 5) int step) {
        byte[] needle = rawNeedle.length == 0 ? new byte[] {1} : Arrays.copyOf(rawNeedle, Math.min(rawNeedle.length, 4));
        int lead = Math.min(cut, data.length);
        int len = Math.max(0, data.length - lead - trim);
        // the bytes after the slice stay in the array: a match running into them must not count
        ByteSlice s = ByteSlice.of(data).slice(lead, len);
        int expected = -1;
        int first = Math.max(0, from);
        first += (step - first % step) % step;
        for (int off = first; off + needle.length <= Math.min(to, len); off += step) {
            if (Arrays.equals(data, lead + off, lead + off + needle.length, needle, 0, needle.length)) {
                expected = off;
                break;
            }
        }
        assertThat(s.indexOf(needle, from, to, step)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void skipWhileMatchesByteLoop(@ForAll("smallAlphabet") byte[] data, @ForAll @IntRange(min = 0, max = 20) int cut,
                                  @ForAll @IntRange(min = 0, max = 20) int trim, @ForAll @IntRange(min = 0, max = 320) int rawFrom,
                                  @ForAll @IntRange(min = 0, max = 3) int value) {
        int lead = Math.min(cut, data.length);
        int len = Math.max(0, data.length - lead - trim);
        byte[] padded = Arrays.copyOf(data, data.length + 16);
        Arrays.fill(padded, lead + len, padded.length, (byte) value); // the run goes on past the slice's end
        ByteSlice s = ByteSlice.of(padded).slice(lead, len);
        int from = Math.min(rawFrom, len);
        int expected = from;
        while (expected < len && padded[lead + expected] == value) {
            expected++;
        }
        assertThat(s.skipWhile(from, value)).isEqualTo(expected);
    }

    @Test
    void skipWhileRunsOverLongFillsAtAnyAlignment() {
        byte[] data = new byte[4096];
        Arrays.fill(data, (byte) 0xFF);
        for (int stop = 0; stop < 40; stop++) {
            byte[] d = data.clone();
            d[4000 + stop] = 0x12;
            for (int lead = 0; lead < 9; lead++) {
                assertThat(ByteSlice.of(d).from(lead).skipWhile(0, 0xFF)).isEqualTo(4000 + stop - lead);
            }
        }
        assertThat(ByteSlice.of(data).skipWhile(0, 0xFF)).isEqualTo(data.length);
        assertThat(ByteSlice.of(data).skipWhile(0, 0)).isZero();
    }

    private static int naiveIndexOf(byte[] data, int lead, byte[] needle, int from, int step) {
        int start = Math.max(0, from);
        start += (step - start % step) % step;
        for (int off = start; lead + off + needle.length <= data.length; off += step) {
            if (Arrays.equals(data, lead + off, lead + off + needle.length, needle, 0, needle.length)) {
                return off;
            }
        }
        return -1;
    }
}
