package io.github.vbios.codec;

import java.util.Arrays;

/** MSB-first bit writer for the EFI compressed bit stream (the mirror of {@link EfiBitReader}). */
final class EfiBitWriter {
    private byte[] buf;
    private int len;
    private long acc;
    private int count;

    EfiBitWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Appends the low {@code n} bits (0..32) of {@code value}, most significant first. */
    void bits(int n, int value) {
        if (n == 0) {
            return;
        }
        acc = acc << n | (value & (0xFFFF_FFFFL >>> (32 - n)));
        count += n;
        while (count >= 8) {
            count -= 8;
            put((int) (acc >>> count));
        }
    }

    private void put(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) b;
    }

    /** Pads the last byte with zero bits and returns the bytes written. */
    byte[] finish() {
        if (count > 0) {
            bits(8 - count, 0);
        }
        return Arrays.copyOf(buf, len);
    }
}
