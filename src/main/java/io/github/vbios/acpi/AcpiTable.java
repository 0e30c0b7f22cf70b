package io.github.vbios.acpi;

/**
 * Builds a complete ACPI table: 36-byte header, AML body, checksum (acpi-vm.md 1.6). QEMU refuses
 * an {@code -acpitable} over {@link #QEMU_MAX_TABLE} bytes (hw/acpi/core.c), so the builder does too.
 */
public final class AcpiTable {
    /** QEMU: "ACPI table too big, requested: N, max: 65535". */
    public static final int QEMU_MAX_TABLE = 65535;

    private AcpiTable() {
    }

    /** The table bytes; the checksum makes the byte sum of the whole table 0 mod 256. */
    public static byte[] build(TableHeader h, byte[] body) {
        long length = (long) TableHeader.LENGTH + body.length;
        if (length > QEMU_MAX_TABLE) {
            throw new IllegalArgumentException("table " + h.oemTableId() + " would be " + length
                    + " bytes, over QEMU's limit of " + QEMU_MAX_TABLE);
        }
        byte[] t = new byte[(int) length];
        put(t, 0, TableHeader.padded(h.signature(), 4));
        putU32(t, 4, length);
        t[8] = (byte) h.revision();
        put(t, 10, TableHeader.padded(h.oemId(), 6));
        put(t, 16, TableHeader.padded(h.oemTableId(), 8));
        putU32(t, 24, h.oemRevision());
        put(t, 28, TableHeader.padded(h.creatorId(), 4));
        putU32(t, 32, h.creatorRevision());
        System.arraycopy(body, 0, t, TableHeader.LENGTH, body.length);
        t[9] = (byte) -sum(t);
        return t;
    }

    /** Byte sum mod 256 (0 for a valid table). */
    public static int sum(byte[] table) {
        int s = 0;
        for (byte b : table) {
            s += b;
        }
        return s & 0xFF;
    }

    private static void put(byte[] t, int off, byte[] v) {
        System.arraycopy(v, 0, t, off, v.length);
    }

    private static void putU32(byte[] t, int off, long v) {
        for (int i = 0; i < 4; i++) {
            t[off + i] = (byte) (v >> (8 * i));
        }
    }
}
