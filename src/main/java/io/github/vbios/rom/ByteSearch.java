package io.github.vbios.rom;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next occurrence of one byte value eight bytes at a time (SWAR "has zero byte" test on
 * a little-endian long), so scanning megabytes of firmware for 55 or 'N' touches each word once
 * instead of branching on every byte.
 */
final class ByteSearch {
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /** The first index in [from, end) holding {@code value}, or {@code end} when there is none. */
    static int next(byte[] d, int from, int end, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int p = from;
        for (; p <= end - 8; p += 8) {
            long x = (long) LE_LONG.get(d, p) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                // the lowest flagged byte is always a real match (borrows only run upwards)
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < end; p++) {
            if (d[p] == value) {
                return p;
            }
        }
        return end;
    }
}
