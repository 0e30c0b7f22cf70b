package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.brotli.dec.BrotliInputStream;

/**
 * Payload of EDK2's Brotli GUID-defined section (3D532050-5CDA-4FD0-879E-0F7F630D5AFB; firmware.md 2.7,
 * EDK2 BrotliCustomDecompressLib): u64 decoded size, u64 scratch size, then a raw Brotli stream.
 */
public final class BrotliCodec {
    static final int HEADER_SIZE = 16;

    private BrotliCodec() {
    }

    public static byte[] decompress(ByteSlice in, int maxOutput) throws CodecException {
        if (in.length() < HEADER_SIZE) {
            throw new CodecException("Brotli section data: " + in.length()
                    + " bytes is too short for the 16-byte {u64 decoded size, u64 scratch size} header");
        }
        long size = in.u64(0);
        int n = OutputLimits.check("Brotli section data", size, in.length(), maxOutput);
        InputStream raw = in.from(HEADER_SIZE).inputStream();
        CountingInput counted = null;
        try (BrotliInputStream br = new BrotliInputStream(raw)) {
            counted = new CountingInput(br);
            return StreamReader.readExactly(counted, n, "Brotli section data");
        } catch (IOException | RuntimeException e) {
            throw new CodecException("Brotli section data invalid (stream starts at offset 16): " + Lzma.describe(e), e,
                    counted == null ? 0 : counted.count());
        }
    }

    /**
     * Builds an EDK2 Brotli section payload holding {@code data} in uncompressed meta-blocks
     * (RFC 7932 9.2 ISUNCOMPRESSED): a valid stream any Brotli decoder accepts, for builders and
     * tests (org.brotli:dec has no encoder). {@code scratchSize} is stored as-is in the header.
     */
    public static byte[] encodeStored(byte[] data, long scratchSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 4096 * 3 + 24);
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        out.writeBytes(header.putLong(data.length).putLong(scratchSize).array());
        LsbBits bits = new LsbBits(out);
        bits.put(1, 0); // WBITS = 16
        for (int off = 0; off < data.length; off += 0x10000) {
            int len = Math.min(0x10000, data.length - off);
            bits.put(1, 0); // ISLAST = 0
            bits.put(2, 0); // MNIBBLES = 4
            bits.put(16, len - 1);
            bits.put(1, 1); // ISUNCOMPRESSED
            bits.align();
            out.write(data, off, len);
        }
        bits.put(1, 1); // ISLAST
        bits.put(1, 1); // ISLASTEMPTY
        bits.align();
        return out.toByteArray();
    }

    /** Brotli's bit order: least significant bit first. */
    private static final class LsbBits {
        private final ByteArrayOutputStream out;
        private int acc;
        private int count;

        LsbBits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int n, int value) {
            for (int i = 0; i < n; i++) {
                acc |= ((value >>> i) & 1) << count;
                if (++count == 8) {
                    align();
                }
            }
        }

        void align() {
            if (count > 0) {
                out.write(acc);
                acc = 0;
                count = 0;
            }
        }
    }
}
