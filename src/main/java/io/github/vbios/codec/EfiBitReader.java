package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MSB-first bit reader over the EFI compressed bit stream (UEFI 2.9A 19.2: "bit 7 of each byte
 * comes first"). Past the end of CompressedSize it yields zero bits, as the reference decoders do,
 * and never reads the bytes that follow the stream.
 *
 * <p>Speed: the buffer is a long refilled with one 8-byte big-endian load whenever 8 stream bytes
 * remain (one bounds check per refill, not per byte); only the last 8 bytes go byte by byte.
 * The loads read a private copy of the stream, not the input's backing array (ByteSlice keeps
 * that to itself): the copy did not show in the corpus decode time, while refilling through a
 * bounds-checked ByteSlice read made it 5-8% slower.
 */
final class EfiBitReader {
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    final int end;
    /** Package-private so {@link EfiBlockDecoder}'s symbol loop can hold them in locals. */
    int pos;
    /** Bits not yet consumed sit in the low {@code count} bits of {@code acc}. */
    long acc;
    int count;
    /** Zero bytes fed in after the end of the stream (for {@link #bitOffset()}). */
    private long padding;

    /** Reads {@code stream}, the CompressedSize bytes after the 8-byte header. */
    EfiBitReader(ByteSlice stream) {
        this.data = stream.toArray();
        this.end = data.length;
        refill();
    }

    /** The 8 stream bytes at {@code p} (caller checked {@code end - p >= 8}). */
    long word(int p) {
        return (long) BE_LONG.get(data, p);
    }

    /** Tops the buffer up to at least 57 bits. */
    void refill() {
        if (end - pos >= 8) {
            int take = (64 - count) >>> 3;
            long word = (long) BE_LONG.get(data, pos);
            if (take == 8) {
                acc = word;
            } else {
                int shift = take << 3;
                acc = acc << shift | word >>> (64 - shift);
            }
            pos += take;
            count += take << 3;
            return;
        }
        while (count <= 56) {
            int b = 0;
            if (pos < end) {
                b = data[pos++] & 0xFF;
            } else {
                padding++;
            }
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
        return (pos + padding) * 8 - count;
    }
}
