package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Hand-made hostile streams for each rule of rom-format.md 1.12 "Decoder hardening" (CVE-2017-5731..5735). */
class EfiHardeningTest {
    private static final EfiCompressionVariant V = EfiCompressionVariant.EFI_1_1;

    /** Header {CompressedSize, OriginalSize} + the bits {@code body} writes. */
    static byte[] stream(int originalSize, Consumer<EfiBitWriter> body) {
        EfiBitWriter w = new EfiBitWriter(64);
        body.accept(w);
        byte[] bits = w.finish();
        ByteBuffer b = ByteBuffer.allocate(8 + bits.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(bits.length).putInt(originalSize).put(bits).array();
    }

    /** A block header whose three sets are single-symbol codes (zero bits per symbol). */
    static void singleSymbolBlock(EfiBitWriter w, int blockSize, int cSymbol, int pSymbol) {
        w.bits(16, blockSize);
        w.bits(5, 0);
        w.bits(5, 0);
        w.bits(9, 0);
        w.bits(9, cSymbol);
        w.bits(4, 0);
        w.bits(4, pSymbol);
    }

    static void assertRejected(byte[] in, String messagePart) {
        assertThatThrownBy(() -> EfiDecompressor.decompress(ByteSlice.of(in), V, 1 << 20))
                .isInstanceOf(CodecException.class).hasMessageContaining(messagePart);
    }

    @Test
    void singleSymbolCodesDecode() throws Exception {
        byte[] in = stream(1000, w -> singleSymbolBlock(w, 1000, 'A', 0));
        byte[] out = EfiDecompressor.decompress(ByteSlice.of(in), V, 1 << 20);
        byte[] expected = new byte[1000];
        Arrays.fill(expected, (byte) 'A');
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void distanceBeforeOutputStart() {
        // first symbol is a 3-byte match at distance >= 17 with nothing decoded yet
        assertRejected(stream(10, w -> {
            singleSymbolBlock(w, 1, 256, 5);
            w.bits(4, 0);
        }), "before the start of the output");
    }

    @Test
    void codeLengthOver16() {
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 1); // extra set: one length follows
            w.bits(3, 7);
            w.bits(10, 0x3FF); // ten more 1 bits: length 17
        }), "over 16");
    }

    @Test
    void countLargerThanTheSet() {
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 20); // the extra set has 19 symbols
        }), "exceeds the 19 symbols");
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 0);
            w.bits(5, 0);
            w.bits(9, 511); // the Char&Len set has 510
        }), "Char&Len count 511");
    }

    @Test
    void singleSymbolOutOfRange() {
        assertRejected(stream(10, w -> singleSymbolBlock(w, 1, 510, 0)), "symbol 510");
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 0);
            w.bits(5, 19);
        }), "symbol 19");
    }

    @Test
    void incompleteOrOversubscribedCodes() {
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 2);
            w.bits(3, 1);
            w.bits(3, 2); // Kraft 1/2 + 1/4
        }), "complete prefix code");
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 4);
            for (int i = 0; i < 3; i++) {
                w.bits(3, 1);
                if (i == 2) {
                    w.bits(2, 0);
                }
            }
            w.bits(3, 1); // four codes of length 1: over-subscribed
        }), "complete prefix code");
    }

    @Test
    void zeroRunPastTheCharLenSet() {
        assertRejected(stream(10, w -> {
            w.bits(16, 1);
            w.bits(5, 0);
            w.bits(5, 2); // extra set: every symbol is "zero run of 20 + 9 bits"
            w.bits(9, 510);
            w.bits(9, 500); // 520 zeros
        }), "runs past symbol 510");
    }

    @Test
    void truncatedAndLyingSizes() {
        byte[] packed = EfiCompressor.compress(new byte[5000], V);
        assertRejected(Arrays.copyOf(packed, packed.length - 1), "truncated");
        assertRejected(new byte[7], "8-byte header");
        byte[] huge = packed.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFF_FFFF);
        assertThatThrownBy(() -> EfiDecompressor.decompress(ByteSlice.of(huge), V, Integer.MAX_VALUE))
                .isInstanceOf(CodecException.class).hasMessageContaining("ratio");
        byte[] negative = packed.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1);
        assertRejected(negative, "exceeds the limit");
    }

    @Test
    void bytesAfterCompressedSizeAreNeverRead() throws Exception {
        byte[] data = EfiRoundTripTest.structured(20_000, 4);
        byte[] packed = EfiCompressor.compress(data, V);
        byte[] withGarbage = Arrays.copyOf(packed, packed.length + 64);
        Arrays.fill(withGarbage, packed.length, withGarbage.length, (byte) 0xFF);
        assertThat(EfiDecompressor.decompress(ByteSlice.of(withGarbage), V, 1 << 20)).isEqualTo(data);
        // dropping the terminating zero byte from CompressedSize changes nothing: the reader pads with zeros
        byte[] shorter = withGarbage.clone();
        ByteBuffer.wrap(shorter).order(ByteOrder.LITTLE_ENDIAN).putInt(0, packed.length - 9);
        assertThat(EfiDecompressor.decompress(ByteSlice.of(shorter), V, 1 << 20)).isEqualTo(data);
    }

    @Test
    void emptyOutputAndSlicesWithOffsets() throws Exception {
        assertThat(EfiDecompressor.decompress(ByteSlice.of(new byte[8]), V, 0)).isEmpty();
        byte[] data = EfiRoundTripTest.random(3000, 1);
        byte[] packed = EfiCompressor.compress(data, V);
        byte[] embedded = new byte[packed.length + 200];
        System.arraycopy(packed, 0, embedded, 100, packed.length);
        ByteSlice slice = ByteSlice.of(embedded).slice(100, packed.length);
        assertThat(EfiDecompressor.decompress(slice, V, 1 << 20)).isEqualTo(data);
    }

    @Test
    void tooManyTinyBlocksAreRefused() {
        // 5000 one-symbol blocks for 5000 bytes: legal bit by bit, but no encoder works that way
        byte[] in = stream(5000, w -> {
            for (int i = 0; i < 5000; i++) {
                singleSymbolBlock(w, 1, 'x', 0);
            }
        });
        assertRejected(in, "too many blocks");
    }
}
