package io.github.vbios.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A bounds-checked little-endian view over part of a byte array. Slices share the backing array,
 * so walking a 1 GiB firmware image never copies it. Every read outside the view throws
 * {@link OutOfBoundsException}, which parsers turn into a {@link Finding}.
 */
public final class ByteSlice {
    private static final ByteSlice EMPTY = new ByteSlice(new byte[0], 0, 0);
    /** Eight bytes at a time for the scans below (first-byte search, sums, fills): no per-byte loop on hot paths. */
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LANES = 0x00FF00FF00FF00FFL;
    private static final long LANE16_ONES = 0x0001000100010001L;
    private static final long LANE16_HIGHS = 0x8000800080008000L;

    private final byte[] data;
    private final int base;
    private final int length;

    private ByteSlice(byte[] data, int base, int length) {
        this.data = data;
        this.base = base;
        this.length = length;
    }

    public static ByteSlice of(byte[] data) {
        return new ByteSlice(data, 0, data.length);
    }

    public static ByteSlice empty() {
        return EMPTY;
    }

    /** Reads the whole file once through {@link InputFiles}: regular files only, at most {@code maxBytes}. */
    public static ByteSlice readFile(Path file, long maxBytes) throws IOException {
        return InputFiles.slice(file, maxBytes);
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** True when {@code [off, off+len)} lies inside this slice (no overflow). */
    public boolean contains(long off, long len) {
        return off >= 0 && len >= 0 && off <= length && len <= length - off;
    }

    private int check(long off, long len) {
        if (!contains(off, len)) {
            throw new OutOfBoundsException(off, len, length);
        }
        return base + (int) off;
    }

    public int u8(long off) {
        return data[check(off, 1)] & 0xFF;
    }

    public int u16(long off) {
        int p = check(off, 2);
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
    }

    public int u24(long off) {
        int p = check(off, 3);
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16;
    }

    /** Unsigned 32-bit value. */
    public long u32(long off) {
        return s32(off) & 0xFFFF_FFFFL;
    }

    public int s32(long off) {
        int p = check(off, 4);
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
    }

    public long u64(long off) {
        return (s32(off) & 0xFFFF_FFFFL) | ((long) s32(off + 4)) << 32;
    }

    /** Big-endian 32-bit value (a few wrapper formats use network order). */
    public long u32be(long off) {
        int p = check(off, 4);
        return ((data[p] & 0xFFL) << 24) | (data[p + 1] & 0xFF) << 16 | (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
    }

    public ByteSlice slice(long off, long len) {
        int p = check(off, len);
        return new ByteSlice(data, p, (int) len);
    }

    /** The bytes from {@code off} to the end. */
    public ByteSlice from(long off) {
        return slice(off, length - off);
    }

    /** The part of {@code [off, off+len)} that lies inside this slice (possibly empty). */
    public ByteSlice clamp(long off, long len) {
        long start = Math.max(0, Math.min(off, length));
        long end = Math.max(start, Math.min(length, off + Math.max(0, len)));
        return new ByteSlice(data, base + (int) start, (int) (end - start));
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(data, base, base + length);
    }

    public byte[] bytes(long off, int len) {
        int p = check(off, len);
        return Arrays.copyOfRange(data, p, p + len);
    }

    /** True when the bytes at {@code off} equal {@code expected}; false (not an exception) when out of range. */
    public boolean matches(long off, byte[] expected) {
        if (!contains(off, expected.length)) {
            return false;
        }
        int p = base + (int) off;
        return Arrays.equals(data, p, p + expected.length, expected, 0, expected.length);
    }

    public boolean matchesAscii(long off, String ascii) {
        return matches(off, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** First offset {@code >= from} where {@code needle} starts at a multiple of {@code step} from 0, or -1. */
    public int indexOf(byte[] needle, int from, int step) {
        if (needle.length == 0 || step <= 0) {
            throw new IllegalArgumentException("empty needle or step <= 0");
        }
        int start = Math.max(0, from);
        if (step > 1 && start % step != 0) {
            start += step - start % step;
        }
        int limit = length - needle.length;
        if (step == 2 && needle.length >= 2) {
            return scanEven(needle, start, limit);
        }
        // any other step: the word-at-a-time search, skipping hits off the step grid
        int off = scan(needle, start, limit);
        while (off >= 0 && off % step != 0) {
            off = scan(needle, off + 1, limit);
        }
        return off;
    }

    /**
     * Search on even offsets (NVFW and NVGI tags, rom-format.md 1.9.1): compares the needle's first
     * two bytes with four 16-bit lanes of each word at once, so random data gives a candidate only
     * once in 65536 lanes. As in {@link #scan}, every candidate is compared in full.
     */
    private int scanEven(byte[] needle, int start, int limit) {
        int n = needle.length;
        long pattern = LANE16_ONES * ((needle[0] & 0xFF) | (needle[1] & 0xFF) << 8);
        int off = start; // even: indexOf rounded it up to the step
        for (; off + 8 <= limit + 2 && base + off + 8 <= data.length; off += 8) {
            long w = (long) LE_LONG.get(data, base + off) ^ pattern;
            long hits = (w - LANE16_ONES) & ~w & LANE16_HIGHS;
            while (hits != 0) {
                int cand = off + ((Long.numberOfTrailingZeros(hits) >>> 4) << 1);
                int p = base + cand;
                if (cand <= limit && Arrays.equals(data, p, p + n, needle, 0, n)) {
                    return cand;
                }
                hits &= hits - 1;
            }
        }
        for (; off <= limit; off += 2) {
            int p = base + off;
            if (Arrays.equals(data, p, p + n, needle, 0, n)) {
                return off;
            }
        }
        return -1;
    }

    /**
     * Step-1 search: finds candidate positions of the needle's first byte eight bytes at a time
     * (the "has zero byte" bit trick on word XOR first-byte pattern) and compares only there.
     * The trick can flag a byte above a true match as well; every candidate is compared in full.
     */
    private int scan(byte[] needle, int start, int limit) {
        int n = needle.length;
        long pattern = ONES * (needle[0] & 0xFF);
        int off = start;
        for (; off + 8 <= limit + 1 && base + off + 8 <= data.length; off += 8) {
            long w = (long) LE_LONG.get(data, base + off) ^ pattern;
            long hits = (w - ONES) & ~w & HIGHS;
            while (hits != 0) {
                int cand = off + (Long.numberOfTrailingZeros(hits) >>> 3);
                int p = base + cand;
                if (cand <= limit && Arrays.equals(data, p, p + n, needle, 0, n)) {
                    return cand;
                }
                hits &= hits - 1;
            }
        }
        byte first = needle[0];
        for (; off <= limit; off++) {
            int p = base + off;
            if (data[p] == first && Arrays.equals(data, p, p + n, needle, 0, n)) {
                return off;
            }
        }
        return -1;
    }

    public int indexOf(byte[] needle, int from) {
        return indexOf(needle, from, 1);
    }

    public int indexOfAscii(String needle, int from) {
        return indexOf(needle.getBytes(StandardCharsets.US_ASCII), from, 1);
    }

    /** ASCII text starting at {@code off}, stopping at NUL, at {@code max} bytes or at the end of the slice. */
    public String asciiz(long off, int max) {
        if (off < 0 || off >= length) {
            return "";
        }
        int p = base + (int) off;
        int end = p + (int) Math.min(max, length - off);
        int q = p;
        while (q < end && data[q] != 0) {
            q++;
        }
        return new String(data, p, q - p, StandardCharsets.ISO_8859_1);
    }

    /** 8-bit sum of {@code [off, off+len)}; the PCI option ROM checksum is valid when this is 0. */
    public int sum8(long off, long len) {
        int p = check(off, len);
        int end = p + (int) len;
        long total = 0;
        // Bytes 0,2,4,6 and 1,3,5,7 of each word add into four 16-bit lanes; 128 words add at most
        // 128 * 510 < 65536 per lane, so lanes are folded into the total before they can carry.
        while (end - p >= 8) {
            int words = Math.min(128, (end - p) >>> 3);
            long lanes = 0;
            for (int k = 0; k < words; k++, p += 8) {
                long w = (long) LE_LONG.get(data, p);
                lanes += (w & LANES) + ((w >>> 8) & LANES);
            }
            total += (lanes & 0xFFFF) + (lanes >>> 16 & 0xFFFF) + (lanes >>> 32 & 0xFFFF) + (lanes >>> 48);
        }
        for (; p < end; p++) {
            total += data[p] & 0xFF;
        }
        return (int) (total & 0xFF);
    }

    /** True when every byte is {@code value}. */
    public boolean isFilledWith(int value) {
        long pattern = ONES * (value & 0xFF);
        int p = base;
        int end = base + length;
        for (; end - p >= 8; p += 8) {
            if ((long) LE_LONG.get(data, p) != pattern) {
                return false;
            }
        }
        byte b = (byte) value;
        for (; p < end; p++) {
            if (data[p] != b) {
                return false;
            }
        }
        return true;
    }

    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, base, length);
            return Hex.of(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The byte array behind this slice and the offset of this slice in it, for bulk readers (decoders). */
    public byte[] array() {
        return data;
    }

    public int arrayOffset() {
        return base;
    }

    @Override
    public String toString() {
        return "ByteSlice[" + length + " bytes]";
    }
}
