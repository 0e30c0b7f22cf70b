package io.github.vbios.acpi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The AML vocabulary vbios needs (acpi-vm.md 1.6), as functions that return encoded bytes. A
 * package-length construct encodes its body first and then prefixes the PkgLength, so nothing is
 * ever back-patched (the coreboot acpigen idea without the memmove).
 */
public final class Aml {
    // Arrays are mutable, so the one-byte terms stay private and every accessor hands out a copy:
    // a caller that writes into a returned term cannot change what the next table encodes.
    private static final byte[] ZERO = {0x00};
    private static final byte[] ONE = {0x01};
    private static final byte[] ONES = {(byte) 0xFF};
    private static final byte[] NONE = {0x00};

    /** Largest value a PkgLength can express (4 bytes: 28 bits). */
    public static final int MAX_PKG_LENGTH = 0x0FFF_FFFF;

    private Aml() {
    }

    /** ZeroOp. */
    public static byte[] zero() {
        return ZERO.clone();
    }

    /** OneOp. */
    public static byte[] one() {
        return ONE.clone();
    }

    /** OnesOp (all bits set). */
    public static byte[] ones() {
        return ONES.clone();
    }

    /** The "no target" operand (a NullName). */
    public static byte[] noTarget() {
        return NONE.clone();
    }

    /** Joins byte arrays. */
    public static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    public static byte[] cat(List<byte[]> parts) {
        return cat(parts.toArray(new byte[0][]));
    }

    private static byte[] op(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }

    // ---- names -------------------------------------------------------------------------------

    /** A NameSeg: 1-4 characters, padded with {@code _} to 4. */
    public static byte[] nameSeg(String seg) {
        if (seg.isEmpty() || seg.length() > 4 || !seg.matches("[A-Z_][A-Z0-9_]*")) {
            throw new IllegalArgumentException("not a NameSeg: " + seg);
        }
        StringBuilder b = new StringBuilder(seg);
        while (b.length() < 4) {
            b.append('_');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A NameString: {@code \} root prefix or {@code ^} parent prefixes, then one segment, a
     * DualNamePrefix pair or a MultiNamePrefix list (acpi-vm.md 1.6).
     */
    public static byte[] name(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < path.length() && (path.charAt(i) == '\\' || path.charAt(i) == '^')) {
            out.write(path.charAt(i));
            i++;
        }
        String rest = path.substring(i);
        if (rest.isEmpty()) {
            out.write(0x00);
            return out.toByteArray();
        }
        String[] segs = rest.split("\\.", -1);
        if (segs.length == 2) {
            out.write(0x2E);
        } else if (segs.length > 2) {
            if (segs.length > 255) {
                throw new IllegalArgumentException("too many segments: " + path);
            }
            out.write(0x2F);
            out.write(segs.length);
        }
        for (String s : segs) {
            out.writeBytes(nameSeg(s));
        }
        return out.toByteArray();
    }

    public static byte[] name(AcpiPath path) {
        return name(path.toString());
    }

    // ---- package lengths ---------------------------------------------------------------------

    /** The PkgLength bytes for a body of {@code bodyLength} bytes (the count includes itself). */
    public static byte[] pkgLength(int bodyLength) {
        for (int n = 1; n <= 4; n++) {
            long total = (long) bodyLength + n;
            if (n == 1 && total <= 0x3F) {
                return new byte[] {(byte) total};
            }
            if (n > 1 && total < (1L << (4 + 8 * (n - 1)))) {
                byte[] b = new byte[n];
                b[0] = (byte) (((n - 1) << 6) | (total & 0x0F));
                for (int k = 1; k < n; k++) {
                    b[k] = (byte) (total >> (4 + 8 * (k - 1)));
                }
                return b;
            }
        }
        throw new IllegalArgumentException("package body of " + bodyLength + " bytes is too long for AML");
    }

    /** Opcode bytes, PkgLength, body. */
    public static byte[] withPkg(byte[] opcode, byte[]... body) {
        byte[] b = cat(body);
        return cat(opcode, pkgLength(b.length), b);
    }

    // ---- data --------------------------------------------------------------------------------

    /** The smallest encoding of an unsigned 64-bit integer (Zero, One, Ones, Byte..QWord). */
    public static byte[] integer(long v) {
        if (v == 0) {
            return zero();
        }
        if (v == 1) {
            return one();
        }
        if (v == -1L) {
            return ones();
        }
        if ((v & ~0xFFL) == 0) {
            return op(0x0A, (int) v);
        }
        if ((v & ~0xFFFFL) == 0) {
            return op(0x0B, (int) v, (int) (v >> 8));
        }
        byte[] b;
        if ((v & ~0xFFFF_FFFFL) == 0) {
            b = new byte[5];
            b[0] = 0x0C;
        } else {
            b = new byte[9];
            b[0] = 0x0E;
        }
        for (int i = 1; i < b.length; i++) {
            b[i] = (byte) (v >> (8 * (i - 1)));
        }
        return b;
    }

    /** A String constant: printable ASCII, NUL-terminated. */
    public static byte[] string(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x01 || c > 0x7F) {
                throw new IllegalArgumentException("AML strings are ASCII: " + s);
            }
        }
        return cat(op(0x0D), s.getBytes(StandardCharsets.US_ASCII), ZERO);
    }

    /** {@code Buffer (size) { data }}; an empty initializer is never emitted (one zero byte instead). */
    public static byte[] buffer(byte[] size, byte[] data) {
        byte[] init = data.length == 0 ? ZERO : data;
        return withPkg(op(0x11), size, init);
    }

    /** {@code Buffer () { data }} with the size stated as an integer. */
    public static byte[] buffer(byte[] data) {
        return buffer(integer(Math.max(1, data.length)), data);
    }

    /** {@code Package () { elements }}. */
    public static byte[] pkg(byte[]... elements) {
        if (elements.length > 255) {
            throw new IllegalArgumentException("a Package holds at most 255 elements");
        }
        return withPkg(op(0x12), op(elements.length), cat(elements));
    }

    /** {@code EisaId ("PNP0C0A")}: three 5-bit letters and a 16-bit hex number, stored big-endian. */
    public static byte[] eisaId(String id) {
        if (!id.matches("[A-Z@]{3}[0-9A-F]{4}")) {
            throw new IllegalArgumentException("not an EISA ID: " + id);
        }
        long v = ((id.charAt(0) - 0x40L) << 26) | ((id.charAt(1) - 0x40L) << 21) | ((id.charAt(2) - 0x40L) << 16)
                | Long.parseLong(id.substring(3), 16);
        long swapped = Long.reverseBytes(v) >>> 32;
        return integer(swapped);
    }

    public static byte[] local(int n) {
        if (n < 0 || n > 7) {
            throw new IllegalArgumentException("Local" + n);
        }
        return op(0x60 + n);
    }

    public static byte[] arg(int n) {
        if (n < 0 || n > 6) {
            throw new IllegalArgumentException("Arg" + n);
        }
        return op(0x68 + n);
    }

    // ---- named objects -----------------------------------------------------------------------

    public static byte[] scope(String path, byte[]... body) {
        return withPkg(op(0x10), name(path), cat(body));
    }

    public static byte[] device(String name, byte[]... body) {
        return withPkg(op(0x5B, 0x82), name(name), cat(body));
    }

    /** {@code Name (name, value)}. */
    public static byte[] named(String name, byte[] value) {
        return cat(op(0x08), name(name), value);
    }

    /** {@code Method (name, argc, Serialized|NotSerialized)}. */
    public static byte[] method(String name, int argc, boolean serialized, byte[]... body) {
        if (argc < 0 || argc > 7) {
            throw new IllegalArgumentException("argc " + argc);
        }
        int flags = argc | (serialized ? 0x08 : 0);
        return withPkg(op(0x14), name(name), op(flags), cat(body));
    }

    /** {@code OperationRegion (name, space, offset, length)}; space 1 = SystemIO. */
    public static byte[] operationRegion(String name, int space, byte[] offset, byte[] length) {
        return cat(op(0x5B, 0x80), name(name), op(space), offset, length);
    }

    /** One named unit of a FieldList: NameSeg + bit width (PkgLength format, not self-inclusive). */
    public static byte[] fieldUnit(String name, int bits) {
        return cat(nameSeg(name), fieldWidth(bits));
    }

    /** {@code Offset (n)} inside a FieldList: a reserved unit of the bits to skip. */
    public static byte[] fieldSkip(int bits) {
        return cat(ZERO, fieldWidth(bits));
    }

    private static byte[] fieldWidth(int bits) {
        if (bits <= 0x3F) {
            return op(bits);
        }
        // Same byte layout as a two-byte PkgLength but holding the raw width (acpi-vm.md 1.6).
        if (bits > 0xFFF) {
            throw new IllegalArgumentException("field width " + bits + " unsupported");
        }
        return op(0x40 | (bits & 0x0F), bits >> 4);
    }

    /** {@code Field (region, access, NoLock, Preserve) { units }}: access 1 Byte, 2 Word, 3 DWord. */
    public static byte[] field(String region, int access, byte[]... units) {
        return withPkg(op(0x5B, 0x81), name(region), op(access), cat(units));
    }

    // ---- statements --------------------------------------------------------------------------

    public static byte[] ifThen(byte[] predicate, byte[]... body) {
        return withPkg(op(0xA0), predicate, cat(body));
    }

    public static byte[] whileDo(byte[] predicate, byte[]... body) {
        return withPkg(op(0xA2), predicate, cat(body));
    }

    public static byte[] ret(byte[] value) {
        return cat(op(0xA4), value);
    }

    public static byte[] store(byte[] src, byte[] dst) {
        return cat(op(0x70), src, dst);
    }

    public static byte[] copyObject(byte[] src, byte[] dst) {
        return cat(op(0x9D), src, dst);
    }

    /** {@code Acquire (mutex, timeout)}: True when it timed out (0xFFFF waits for ever). */
    public static byte[] acquire(String mutex, int timeoutMs) {
        return cat(op(0x5B, 0x23), name(mutex), op(timeoutMs & 0xFF, (timeoutMs >> 8) & 0xFF));
    }

    /** {@code Release (mutex)}. */
    public static byte[] release(String mutex) {
        return cat(op(0x5B, 0x27), name(mutex));
    }

    /** {@code Add (x, y, x)}, printed {@code x += y}. */
    public static byte[] addTo(byte[] x, byte[] y) {
        return cat(op(0x72), x, y, x);
    }

    public static byte[] increment(byte[] x) {
        return cat(op(0x75), x);
    }

    /** A call of a method: its NameString followed by the arguments (the callee's arity must be known). */
    public static byte[] call(String method, byte[]... args) {
        return cat(name(method), cat(args));
    }

    // ---- expressions (target NONE unless given) ----------------------------------------------

    public static byte[] add(byte[] a, byte[] b) {
        return cat(op(0x72), a, b, NONE);
    }

    public static byte[] subtract(byte[] a, byte[] b) {
        return cat(op(0x74), a, b, NONE);
    }

    public static byte[] shiftLeft(byte[] a, byte[] b) {
        return cat(op(0x79), a, b, NONE);
    }

    public static byte[] shiftRight(byte[] a, byte[] b) {
        return cat(op(0x7A), a, b, NONE);
    }

    public static byte[] and(byte[] a, byte[] b) {
        return cat(op(0x7B), a, b, NONE);
    }

    public static byte[] or(byte[] a, byte[] b) {
        return cat(op(0x7D), a, b, NONE);
    }

    /** {@code Divide (dividend, divisor, remainder, quotient)}. */
    public static byte[] divide(byte[] dividend, byte[] divisor, byte[] remainder, byte[] quotient) {
        return cat(op(0x78), dividend, divisor, remainder, quotient);
    }

    public static byte[] concatenate(byte[] a, byte[] b) {
        return cat(op(0x73), a, b, NONE);
    }

    public static byte[] mid(byte[] src, byte[] index, byte[] length) {
        return cat(op(0x9E), src, index, length, NONE);
    }

    public static byte[] sizeOf(byte[] x) {
        return cat(op(0x87), x);
    }

    public static byte[] index(byte[] obj, byte[] idx) {
        return cat(op(0x88), obj, idx, NONE);
    }

    public static byte[] derefOf(byte[] x) {
        return cat(op(0x83), x);
    }

    public static byte[] toStringOp(byte[] data, byte[] length) {
        return cat(op(0x9C), data, length, NONE);
    }

    public static byte[] condRefOf(String name) {
        return cat(op(0x5B, 0x12), name(name), NONE);
    }

    public static byte[] lNot(byte[] a) {
        return cat(op(0x92), a);
    }

    public static byte[] lEqual(byte[] a, byte[] b) {
        return cat(op(0x93), a, b);
    }

    public static byte[] lGreater(byte[] a, byte[] b) {
        return cat(op(0x94), a, b);
    }

    public static byte[] lLess(byte[] a, byte[] b) {
        return cat(op(0x95), a, b);
    }

    /** {@code a >= b} is {@code LNot (LLess (a, b))}. */
    public static byte[] lGreaterEqual(byte[] a, byte[] b) {
        return lNot(lLess(a, b));
    }

    public static byte[] lNotEqual(byte[] a, byte[] b) {
        return lNot(lEqual(a, b));
    }
}
