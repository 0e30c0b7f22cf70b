package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

/** LZMA, x86 BCJ, Brotli and zlib: the thin wrappers over xz-java, org.brotli:dec and java.util.zip. */
class LibraryCodecsTest {
    private static final int LIMIT = 16 << 20;

    @Test
    void lzmaRoundTripWithEdk2Header() throws Exception {
        for (byte[] data : new byte[][] {new byte[0], {42}, EfiRoundTripTest.structured(300_000, 5),
            EfiRoundTripTest.random(70_000, 9)}) {
            byte[] packed = Lzma.compress(data);
            ByteSlice in = ByteSlice.of(packed);
            assertThat(in.u8(0)).as("lc=3 lp=0 pb=2").isEqualTo(0x5D);
            assertThat(in.u64(5)).as("u64 uncompressed size").isEqualTo(data.length);
            assertThat(Lzma.decompress(in, LIMIT)).isEqualTo(data);
        }
    }

    @Test
    void lzmaWithUnknownSizeAndEndMarkerDecodesToo() throws Exception {
        byte[] data = EfiRoundTripTest.structured(50_000, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var lz = new LZMAOutputStream(bytes, new LZMA2Options(), -1)) {
            lz.write(data);
        }
        ByteSlice in = ByteSlice.of(bytes.toByteArray());
        assertThat(in.u64(5)).isEqualTo(-1L);
        assertThat(Lzma.decompress(in, LIMIT)).isEqualTo(data);
        assertThatThrownBy(() -> Lzma.decompress(in, 49_999)).isInstanceOf(CodecException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void lzmaRejectsBadHeadersAndLimits() {
        byte[] packed = Lzma.compress(new byte[100_000]);
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(packed), 99_999))
                .isInstanceOf(CodecException.class).hasMessageContaining("exceeds the limit");
        byte[] badProps = packed.clone();
        badProps[0] = (byte) 0xE1;
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(badProps), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("properties");
        byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(truncated), LIMIT)).isInstanceOf(CodecException.class);
        byte[] huge = packed.clone();
        huge[12] = 0x10; // claims 2^60 bytes
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(huge), Integer.MAX_VALUE))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(new byte[5]), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("13-byte header");
    }

    @Test
    void x86BcjRoundTripsAndConvertsCalls() {
        byte[] code = EfiRoundTripTest.random(10_000, 3);
        for (int i = 0; i < code.length - 5; i += 97) {
            code[i] = (byte) 0xE8; // CALL rel32
            code[i + 4] = 0;
        }
        byte[] encoded = code.clone();
        X86BcjEncoder.encode(encoded, 0);
        assertThat(encoded).isNotEqualTo(code);
        byte[] decoded = encoded.clone();
        X86BcjFilter.decode(decoded, 0);
        assertThat(decoded).isEqualTo(code);
        // A CALL at 0 with rel32 = 0x10 becomes absolute target 0x15 (5 + 0x10) after encoding.
        byte[] one = {(byte) 0xE8, 0x10, 0, 0, 0, 0, 0, 0, 0};
        X86BcjEncoder.encode(one, 0);
        assertThat(one[1]).isEqualTo((byte) 0x15);
    }

    @Test
    void lzmaF86Chain() throws Exception {
        byte[] code = EfiRoundTripTest.structured(40_000, 8);
        byte[] filtered = code.clone();
        X86BcjEncoder.encode(filtered, 0);
        byte[] section = Lzma.compress(filtered);
        byte[] back = Lzma.decompress(ByteSlice.of(section), LIMIT);
        X86BcjFilter.decode(back, 0);
        assertThat(back).isEqualTo(code);
    }

    @Test
    void brotliStoredRoundTrip() throws Exception {
        for (int n : new int[] {0, 1, 65535, 65536, 65537, 200_000}) {
            byte[] data = EfiRoundTripTest.random(n, n);
            byte[] payload = BrotliStored.encode(data, 0x1234);
            ByteSlice in = ByteSlice.of(payload);
            assertThat(in.u64(0)).isEqualTo(n);
            assertThat(in.u64(8)).isEqualTo(0x1234);
            assertThat(BrotliCodec.decompress(in, LIMIT)).isEqualTo(data);
        }
    }

    @Test
    void brotliRealCompressedStream() throws Exception {
        // RFC 7932 reference test vector "10x10y" (google/brotli tests/testdata): 10 "X" then 10 "Y".
        byte[] stream = {0x1b, 0x13, 0x00, 0x00, (byte) 0xa4, (byte) 0xb0, (byte) 0xb2, (byte) 0xea, (byte) 0x81, 0x47,
            0x02, (byte) 0x8a};
        byte[] payload = withBrotliHeader(stream, 20);
        assertThat(new String(BrotliCodec.decompress(ByteSlice.of(payload), LIMIT), StandardCharsets.US_ASCII))
                .isEqualTo("XXXXXXXXXXYYYYYYYYYY");
        assertThatThrownBy(() -> BrotliCodec.decompress(ByteSlice.of(withBrotliHeader(stream, 21)), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("ended after 20");
        assertThatThrownBy(() -> BrotliCodec.decompress(ByteSlice.of(withBrotliHeader(stream, 19)), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> BrotliCodec.decompress(ByteSlice.of(withBrotliHeader(stream, 20)), 10))
                .isInstanceOf(CodecException.class).hasMessageContaining("limit");
    }

    private static byte[] withBrotliHeader(byte[] stream, long size) {
        byte[] out = new byte[16 + stream.length];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (size >>> (8 * i));
        }
        System.arraycopy(stream, 0, out, 16, stream.length);
        return out;
    }

    @Test
    void zlibInflatesAndEnforcesLimit() throws Exception {
        byte[] data = EfiRoundTripTest.structured(500_000, 2);
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 1000];
        int n = d.deflate(buf);
        d.end();
        byte[] z = Arrays.copyOf(buf, n + 7); // trailing bytes after the stream are ignored
        assertThat(Zlib.inflate(ByteSlice.of(z), LIMIT)).isEqualTo(data);
        assertThat(Zlib.inflate(ByteSlice.of(z), data.length)).isEqualTo(data);
        assertThatThrownBy(() -> Zlib.inflate(ByteSlice.of(z), data.length - 1))
                .isInstanceOf(CodecException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> Zlib.inflate(ByteSlice.of(Arrays.copyOf(buf, n / 2)), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Zlib.inflate(ByteSlice.of(new byte[] {1, 2, 3, 4}), LIMIT))
                .isInstanceOf(CodecException.class).hasMessageContaining("invalid");
    }
}
