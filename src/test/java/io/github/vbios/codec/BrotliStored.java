package io.github.vbios.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The tests' Brotli encoder: stored meta-blocks only, which is all a decoder test needs. */
public final class BrotliStored {
    private BrotliStored() {
    }

    /**
     * Builds an EDK2 Brotli section payload holding {@code data} in uncompressed meta-blocks
     * (RFC 7932 9.2 ISUNCOMPRESSED): a valid stream any Brotli decoder accepts (org.brotli:dec has no
     * encoder). {@code scratchSize} is stored as-is in the header.
     */
    public static byte[] encode(byte[] data, long scratchSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 4096 * 3 + 24);
        ByteBuffer header = ByteBuffer.allocate(BrotliCodec.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
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
