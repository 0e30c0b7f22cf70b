package io.github.vbios.codec;

/**
 * MSB-first bit reader over the EFI compressed bit stream (UEFI 2.9A 19.2: "bit 7 of each byte
 * comes first"). Past the end of CompressedSize it yields zero bits, as the reference decoders do,
 * and never reads the bytes that follow the stream.
 */
final class EfiBitReader {
    private final byte[] data;
    private final int start;
    private final int end;
    private int pos;
    /** Bits not yet consumed sit in the low {@code count} bits of {@code acc}. */
    private long acc;
    private int count;
    private long fetched;

    EfiBitReader(byte[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.pos = start;
        refill();
    }

    private void refill() {
        while (count <= 56) {
            int b;
            if (pos < end) {
                b = data[pos++] & 0xFF;
            } else {
                b = 0;
            }
            fetched++;
            acc = acc << 8 | b;
            count += 8;
        }
    }

    /** The next 32 bits of the stream, first bit in bit 31, without consuming them. */
    int peek32() {
        return (int) (acc >>> (count - 32));
    }

    /** Consumes {@code n} (0..32) bits; afterwards at least 32 bits are buffered again. */
    void skip(int n) {
        count -= n;
        if (count < 32) {
            refill();
        }
    }

    /** Reads {@code n} bits (0..24) as an unsigned number, first bit most significant. */
    int bits(int n) {
        if (n == 0) {
            return 0;
        }
        int v = peek32() >>> (32 - n);
        skip(n);
        return v;
    }

    /** Bits consumed so far, counted from the first byte of the bit stream. */
    long bitOffset() {
        return fetched * 8 - count;
    }
}
