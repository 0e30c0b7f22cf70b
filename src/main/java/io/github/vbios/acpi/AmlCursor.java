package io.github.vbios.acpi;

import java.util.Arrays;

/**
 * A bounds-checked reader over AML bytes for {@link AslPrinter}. Every read is checked against
 * the current package end; a violation throws {@link Malformed}, which the printer turns into a
 * finding (parsers never throw at their callers).
 */
final class AmlCursor {
    /** The AML is not what the printer understands; carries the offset for the finding. */
    static final class Malformed extends RuntimeException {
        final int offset;

        Malformed(int offset, String message) {
            super(message);
            this.offset = offset;
        }
    }

    private final byte[] aml;
    int pos;

    AmlCursor(byte[] aml, int pos) {
        this.aml = aml;
        this.pos = pos;
    }

    int peek(int end) {
        if (pos >= end) {
            throw fail("unexpected end of package");
        }
        return aml[pos] & 0xFF;
    }

    int peekAt(int offset, int end) {
        return pos + offset < end ? aml[pos + offset] & 0xFF : -1;
    }

    int u8(int end) {
        int v = peek(end);
        pos++;
        return v;
    }

    long uN(int bytes, int end) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) u8(end) << (8 * i);
        }
        return v;
    }

    /** Reads a PkgLength and returns the absolute end offset of the package it starts. */
    int pkgEnd(int end) {
        int start = pos;
        int lead = u8(end);
        int n = lead >> 6;
        long len;
        if (n == 0) {
            len = lead & 0x3F;
        } else {
            if ((lead & 0x30) != 0) {
                throw fail("PkgLength lead byte 0x" + Integer.toHexString(lead) + " has reserved bits set");
            }
            len = lead & 0x0F;
            for (int i = 0; i < n; i++) {
                len |= (long) u8(end) << (4 + 8 * i);
            }
        }
        long pkgEnd = start + len;
        if (len < pos - start || pkgEnd > end) {
            throw new Malformed(start, "PkgLength " + len + " does not fit the enclosing package");
        }
        return (int) pkgEnd;
    }

    /** The raw value of a field-unit width (PkgLength byte format, not self-inclusive). */
    int fieldWidth(int end) {
        int lead = u8(end);
        int n = lead >> 6;
        if (n == 0) {
            return lead & 0x3F;
        }
        long v = lead & 0x0F;
        for (int i = 0; i < n; i++) {
            v |= (long) u8(end) << (4 + 8 * i);
        }
        return (int) v;
    }

    /** A NameSeg: 4 characters, first A-Z or _, rest A-Z, 0-9 or _. */
    String nameSeg(int end) {
        int start = pos;
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = u8(end);
            boolean ok = b == '_' || (b >= 'A' && b <= 'Z') || (i > 0 && b >= '0' && b <= '9');
            if (!ok) {
                throw new Malformed(start, "invalid NameSeg byte 0x" + Integer.toHexString(b));
            }
            c[i] = (char) b;
        }
        return new String(c);
    }

    /** NUL-terminated ASCII string body (after the 0x0D prefix). */
    String asciiz(int end) {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = u8(end);
            if (c == 0) {
                return b.toString();
            }
            b.append((char) c);
        }
    }

    byte[] bytes(int from, int to) {
        return Arrays.copyOfRange(aml, from, to);
    }

    Malformed fail(String message) {
        return new Malformed(pos, message);
    }
}
