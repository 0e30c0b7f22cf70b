package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** EfiCompressor -> EfiDecompressor gives back the input, for both variants and many shapes of data. */
class EfiRoundTripTest {
    private static final int LIMIT = 64 << 20;

    static byte[] roundTrip(byte[] data, EfiCompressionVariant v) throws CodecException {
        byte[] packed = EfiCompressor.compress(data, v);
        ByteSlice in = ByteSlice.of(packed);
        assertThat(EfiDecompressor.originalSize(in)).isEqualTo(data.length);
        assertThat(in.u32(0)).isEqualTo(packed.length - 8L);
        byte[] back = EfiDecompressor.decompress(in, v, LIMIT);
        assertThat(back).isEqualTo(data);
        return packed;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Text-like data with repeats at short and long distances, like code and string tables. */
    static byte[] structured(int n, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[n];
        String[] words = {"nvgop", "EFI_GRAPHICS_OUTPUT_PROTOCOL", "\0\0\0\0", "mov rax, ", "0123456789abcdef"};
        int i = 0;
        while (i < n) {
            if (i > 64 && r.nextInt(3) == 0) {
                int dist = 1 + r.nextInt(Math.min(i, r.nextBoolean() ? 64 : 200_000));
                int len = 3 + r.nextInt(300);
                for (int k = 0; k < len && i < n; k++, i++) {
                    b[i] = b[i - dist];
                }
            } else {
                byte[] w = words[r.nextInt(words.length)].getBytes(StandardCharsets.ISO_8859_1);
                for (int k = 0; k < w.length && i < n; k++) {
                    b[i++] = (byte) (w[k] + (r.nextInt(8) == 0 ? r.nextInt(256) : 0));
                }
            }
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(EfiCompressionVariant.class)
    void edgeSizes(EfiCompressionVariant v) throws Exception {
        for (int n : new int[] {0, 1, 2, 3, 4, 255, 256, 257, 258, 259, 4096, 8191, 8192, 8193, 65535, 65536, 65537,
            0x7FFF * 3 + 5}) {
            roundTrip(random(n, n), v);
            roundTrip(structured(n, n), v);
            roundTrip(new byte[n], v);
        }
    }

    @ParameterizedTest
    @EnumSource(EfiCompressionVariant.class)
    void highlyRepetitiveDataShrinks(EfiCompressionVariant v) throws Exception {
        byte[] zeros = new byte[1 << 20];
        assertThat(roundTrip(zeros, v).length).isLessThan(zeros.length / 100);
        byte[] pattern = new byte[300_000];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) "abcab".charAt(i % 5);
        }
        assertThat(roundTrip(pattern, v).length).isLessThan(pattern.length / 50);
    }

    @Test
    void randomDataDoesNotGrowMuch() throws Exception {
        byte[] data = random(100_000, 7);
        assertThat(roundTrip(data, EfiCompressionVariant.EFI_1_1).length).isLessThan(data.length + data.length / 50 + 64);
    }

    @Test
    void structuredDataCompresses() throws Exception {
        byte[] data = structured(200_000, 11);
        assertThat(roundTrip(data, EfiCompressionVariant.EFI_1_1).length).isLessThan(data.length / 2);
        assertThat(roundTrip(data, EfiCompressionVariant.TIANO).length).isLessThan(data.length / 2);
    }

    @Test
    void largeInput() throws Exception {
        byte[] data = structured(3 << 20, 3);
        roundTrip(data, EfiCompressionVariant.EFI_1_1);
        roundTrip(data, EfiCompressionVariant.TIANO);
    }

    @Property(tries = 200)
    void anyBytesRoundTrip(@ForAll @Size(max = 3000) byte[] data, @ForAll EfiCompressionVariant v) throws Exception {
        roundTrip(data, v);
    }

    @Property(tries = 100)
    void skewedAlphabetsRoundTrip(@ForAll long seed, @ForAll EfiCompressionVariant v) throws Exception {
        Random r = new Random(seed);
        int alphabet = 1 + r.nextInt(r.nextBoolean() ? 3 : 256);
        byte[] data = new byte[r.nextInt(70_000)];
        for (int i = 0; i < data.length; i++) {
            // geometric-ish skew produces long Huffman codes (exercises the 16-bit length limit)
            int s = Integer.numberOfTrailingZeros(r.nextInt() | (1 << 30));
            data[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(alphabet) : s * 7);
        }
        roundTrip(data, v);
    }
}
