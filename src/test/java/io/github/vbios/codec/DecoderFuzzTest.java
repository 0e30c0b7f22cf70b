package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated streams for every decoder end in a result within the output limit or in a
 * CodecException: never another exception, an allocation beyond the limit, or a hang.
 */
class DecoderFuzzTest {
    private static final int LIMIT = 1 << 20;

    interface Decoder {
        byte[] decode(ByteSlice in, int max) throws CodecException;
    }

    static void expectResultOrCodecException(Decoder d, byte[] input, int max) {
        try {
            byte[] out = d.decode(ByteSlice.of(input), max);
            assertThat(out.length).isLessThanOrEqualTo(max);
        } catch (CodecException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** Applies 1..8 random mutations: bit flips, byte sets, extreme u32 fields, truncation. */
    static byte[] mutate(byte[] valid, long seed) {
        Random r = new Random(seed);
        byte[] b = valid.clone();
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> {
                    if (b.length >= 8) {
                        int f = r.nextInt(Math.min(b.length - 3, 16));
                        int v = r.nextBoolean() ? -1 : r.nextInt();
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(f, v);
                    }
                }
                case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                default -> Arrays.fill(b, at, Math.min(b.length, at + r.nextInt(64)), (byte) r.nextInt(256));
            }
        }
        return b;
    }

    static byte[] sample(long seed, int size) {
        return new Random(seed).nextBoolean() ? EfiRoundTripTest.structured(size, seed)
                : EfiRoundTripTest.random(size, seed);
    }

    @Property(tries = 300)
    void efiMutatedStreams(@ForAll long seed, @ForAll @IntRange(max = 40_000) int size,
                           @ForAll EfiCompressionVariant packedWith, @ForAll EfiCompressionVariant decodedWith) {
        byte[] packed = EfiCompressor.compress(sample(seed, size), packedWith);
        expectResultOrCodecException((in, max) -> EfiDecompressor.decompress(in, decodedWith, max),
                mutate(packed, seed), LIMIT);
    }

    @Property(tries = 300)
    void efiRandomBitStreamsWithPlausibleHeader(@ForAll @Size(max = 4000) byte[] stream,
                                                @ForAll @IntRange(max = 2_000_000) int originalSize,
                                                @ForAll EfiCompressionVariant v) {
        ByteBuffer b = ByteBuffer.allocate(8 + stream.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(stream.length).putInt(originalSize).put(stream);
        expectResultOrCodecException((in, max) -> EfiDecompressor.decompress(in, v, max), b.array(), LIMIT);
    }

    @Property(tries = 200)
    void efiRandomBytes(@ForAll @Size(max = 2000) byte[] input, @ForAll EfiCompressionVariant v) {
        expectResultOrCodecException((in, max) -> EfiDecompressor.decompress(in, v, max), input, LIMIT);
    }

    @Property(tries = 200)
    void lzmaMutatedAndRandom(@ForAll long seed, @ForAll @IntRange(max = 30_000) int size,
                              @ForAll @Size(max = 500) byte[] random) {
        byte[] packed = Lzma.compress(sample(seed, size));
        expectResultOrCodecException(Lzma::decompress, mutate(packed, seed), LIMIT);
        expectResultOrCodecException(Lzma::decompress, random, LIMIT);
    }

    @Property(tries = 200)
    void brotliMutatedAndRandom(@ForAll long seed, @ForAll @Size(max = 500) byte[] random) {
        byte[] realStream = {0x1b, 0x13, 0x00, 0x00, (byte) 0xa4, (byte) 0xb0, (byte) 0xb2, (byte) 0xea, (byte) 0x81,
            0x47, 0x02, (byte) 0x8a};
        byte[] payload = new byte[16 + realStream.length];
        payload[0] = 20;
        System.arraycopy(realStream, 0, payload, 16, realStream.length);
        expectResultOrCodecException(BrotliCodec::decompress, mutate(payload, seed), LIMIT);
        byte[] stored = BrotliStored.encode(sample(seed, 3000), 0);
        expectResultOrCodecException(BrotliCodec::decompress, mutate(stored, seed), LIMIT);
        byte[] withHeader = Arrays.copyOf(new byte[] {(byte) random.length}, 16 + random.length);
        System.arraycopy(random, 0, withHeader, 16, random.length);
        expectResultOrCodecException(BrotliCodec::decompress, withHeader, LIMIT);
    }

    @Property(tries = 200)
    void zlibMutatedAndRandom(@ForAll long seed, @ForAll @Size(max = 500) byte[] random) {
        Deflater d = new Deflater();
        byte[] data = sample(seed, 5000);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[8000];
        int n = d.deflate(buf);
        d.end();
        expectResultOrCodecException(Zlib::inflate, mutate(Arrays.copyOf(buf, n), seed), LIMIT);
        expectResultOrCodecException(Zlib::inflate, random, LIMIT);
    }
}
