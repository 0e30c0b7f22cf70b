package io.github.vbios.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A bounds-checked little-endian view over part of a byte array. Slices share the backing array,
 * so walking a 1 GiB firmware image never copies it. Every read outside the view throws
 * {@link OutOfBoundsException}, which parsers turn into a {@link Finding}.
 *
 * <p>Sealed: the backing array never leaves this class (no getter; readers, streams, copies,
 * searches and checksums are methods here), so no caller can read outside its view or write
 * into a buffer that other slices share. ArchitectureTest keeps it so.
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
        return indexOf(needle, from, length, step);
    }

    /**
     * First offset in {@code [from, to)} where {@code needle} lies wholly inside {@code [from, to)}
     * and starts at a multiple of {@code step} from 0, or -1. {@code from} and {@code to} are
     * clipped to the slice, as {@code String.indexOf} clips its range; an empty needle or a step
     * below 1 is a programming error (IllegalArgumentException).
     */
    public int indexOf(byte[] needle, long from, long to, int step) {
        if (needle.length == 0 || step <= 0) {
            throw new IllegalArgumentException("empty needle or step <= 0");
        }
        long first = Math.max(0, Math.min(from, length)); // clipped first: rounding up cannot overflow
        if (step > 1 && first % step != 0) {
            first += step - first % step;
        }
        long last = Math.max(0, Math.min(to, length)) - needle.length;
        if (first > last) {
            return -1;
        }
        int start = (int) first;
        int limit = (int) last;
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
     * once in 65536 lanes; every candidate is compared in full.
     */
    private int scanEven(byte[] needle, int start, int limit) {
        int n = needle.length;
        byte b0 = needle[0];
        byte b1 = needle[1];
        long pattern = LANE16_ONES * ((b0 & 0xFF) | (b1 & 0xFF) << 8);
        int end = base + limit + 1; // candidate starts lie in [base + start, end)
        for (int p = base + start; ; p += 2) {
            p = nextPair(p, end, pattern, b0, b1);
            if (p >= end) {
                return -1;
            }
            if (n == 2 || data[p + n - 1] == needle[n - 1] && Arrays.equals(data, p, p + n, needle, 0, n)) {
                return p - base;
            }
        }
    }

    /**
     * The first array index {@code q >= p}, {@code q - p} even, below {@code end}, where the bytes
     * {@code b0 b1} start; {@code end} or more when there is none. Each word's four 16-bit lanes
     * are tested at once ("has zero lane" on word XOR pattern); the lowest flagged lane is always a
     * true match, since borrows only run upwards. Reads only bytes below {@code end + 1}.
     */
    private int nextPair(int p, int end, long pattern, byte b0, byte b1) {
        byte[] d = data;
        for (; p <= end - 8; p += 8) {
            long x = (long) LE_LONG.get(d, p) ^ pattern;
            long found = (x - LANE16_ONES) & ~x & LANE16_HIGHS;
            if (found != 0) {
                return p + ((Long.numberOfTrailingZeros(found) >>> 4) << 1);
            }
        }
        for (; p < end; p += 2) {
            if (d[p] == b0 && d[p + 1] == b1) {
                return p;
            }
        }
        return p;
    }

    /**
     * Step-1 search: finds candidate positions of the needle's first byte eight bytes at a time
     * ({@link #nextByte}) and compares the needle only there, its last byte first.
     */
    private int scan(byte[] needle, int start, int limit) {
        int n = needle.length;
        byte first = needle[0];
        byte lastByte = needle[n - 1];
        long pattern = ONES * (first & 0xFF);
        int end = base + limit + 1; // candidate starts lie in [base + start, end)
        for (int p = base + start; ; p++) {
            p = nextByte(p, end, pattern, first);
            if (p >= end) {
                return -1;
            }
            if (data[p + n - 1] == lastByte && Arrays.equals(data, p, p + n, needle, 0, n)) {
                return p - base;
            }
        }
    }

    /**
     * The first array index in {@code [p, end)} holding {@code value}, or {@code end}: the "has
     * zero byte" test on each word XOR {@code pattern} (value in every byte) finds it eight bytes
     * at a time; the lowest flagged byte is always a true match (borrows only run upwards). One
     * exit per candidate and a single loop bound keep this loop as tight as a plain byte search.
     */
    private int nextByte(int p, int end, long pattern, byte value) {
        byte[] d = data;
        for (; p <= end - 8; p += 8) {
            long x = (long) LE_LONG.get(d, p) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
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

    /**
     * The first offset {@code >= from} whose byte is not {@code value}, or {@code length()} when the
     * rest is all {@code value} (free space and fill runs: megabytes of FF at word speed).
     * {@code from} must lie in {@code [0, length()]}.
     */
    public int skipWhile(long from, int value) {
        int p = check(from, 0);
        int end = base + length;
        long pattern = ONES * (value & 0xFF);
        for (; end - p >= 8; p += 8) {
            long diff = (long) LE_LONG.get(data, p) ^ pattern;
            if (diff != 0) {
                return p + (Long.numberOfTrailingZeros(diff) >>> 3) - base;
            }
        }
        byte b = (byte) value;
        while (p < end && data[p] == b) {
            p++;
        }
        return p - base;
    }

    /** The slice decoded as text in {@code charset} (malformed input replaced, as {@code new String} does). */
    public String string(Charset charset) {
        return new String(data, base, length, charset);
    }

    /** Copies the whole slice into {@code dst} at {@code at}; IndexOutOfBoundsException when it does not fit. */
    public void copyTo(byte[] dst, int at) {
        Objects.checkFromIndexSize(at, length, dst.length);
        System.arraycopy(data, base, dst, at, length);
    }

    /** True when {@code other} holds the same bytes (slices compare by identity otherwise). */
    public boolean contentEquals(ByteSlice other) {
        return Arrays.equals(data, base, base + length, other.data, other.base, other.base + other.length);
    }

    /** CRC-32 (the zlib/IEEE polynomial) of the slice, as an unsigned value. */
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(data, base, length);
        return crc.getValue();
    }

    /** CRC-32C (Castagnoli; a CPU instruction on current machines) of the slice, as an unsigned value. */
    public long crc32c() {
        CRC32C crc = new CRC32C();
        crc.update(data, base, length);
        return crc.getValue();
    }

    /**
     * {@link #sum8} of {@code [off, off+len)} counted from this slice's start, where the range may
     * run past the slice's end into the buffer it was cut from (rom-format.md 1.10, issue 15: a
     * carved PCI view ends at the PCIR length, while byte 2's checksum range is whole only in the
     * enclosing volume). -1 when the range is empty, negative or runs past that buffer too. The
     * one read past a slice's end: it returns a sum, never the bytes.
     */
    public int sum8InParent(long off, long len) {
        if (off < 0 || len <= 0 || base + off + len > data.length) {
            return -1;
        }
        return of(data).sum8(base + off, len);
    }

    /**
     * A stream of exactly the slice's bytes. Unsynchronized (ByteArrayInputStream's read() is
     * synchronized, and range decoders read byte by byte); mark/reset are supported.
     */
    public InputStream inputStream() {
        return new SliceStream(data, base, base + length);
    }

    /** A read-only buffer of exactly the slice (for JDK APIs that take one, e.g. Inflater.setInput). */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(data, base, length).slice().asReadOnlyBuffer();
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

    @Override
    public String toString() {
        return "ByteSlice[" + length + " bytes]";
    }

    /** The stream behind {@link #inputStream()}: reads {@code [pos, end)} of the backing array, nothing else. */
    private static final class SliceStream extends InputStream {
        private final byte[] buf;
        private final int end;
        private int pos;
        private int mark;

        SliceStream(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.mark = pos;
            this.end = end;
        }

        @Override
        public int read() {
            return pos < end ? buf[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += (int) k;
            return k;
        }

        @Override
        public int available() {
            return end - pos;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            mark = pos;
        }

        @Override
        public void reset() {
            pos = mark;
        }
    }
}
