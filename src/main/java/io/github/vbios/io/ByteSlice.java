package io.github.vbios.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** Reads the whole file once; refuses files larger than {@code maxBytes}. */
    public static ByteSlice readFile(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(file + " is " + size + " bytes, over the limit of " + maxBytes + " bytes");
        }
        return of(Files.readAllBytes(file));
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
        byte first = needle[0];
        int limit = length - needle.length;
        for (int off = start; off <= limit; off += step) {
            int p = base + off;
            if (data[p] == first && Arrays.equals(data, p, p + needle.length, needle, 0, needle.length)) {
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
        int s = 0;
        for (int i = p, end = p + (int) len; i < end; i++) {
            s += data[i];
        }
        return s & 0xFF;
    }

    /** True when every byte is {@code value}. */
    public boolean isFilledWith(int value) {
        byte b = (byte) value;
        for (int i = base, end = base + length; i < end; i++) {
            if (data[i] != b) {
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
