package io.github.vbios.acpi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identification fields of an ACPI table header (acpi-vm.md 1.6). Text fields are ASCII,
 * padded with spaces to their width (OEM ID 6, OEM table ID 8, creator ID 4).
 *
 * @param signature       {@code SSDT}
 * @param revision        2: 64-bit integers
 */
public record TableHeader(String signature, int revision, String oemId, String oemTableId, long oemRevision,
                          String creatorId, long creatorRevision) {
    public static final int LENGTH = 36;
    public static final String DEFAULT_OEM_ID = "VBIOS";
    public static final String DEFAULT_CREATOR = "VBIO";

    public TableHeader {
        check(signature, 4, "signature");
        check(oemId, 6, "OEM ID");
        check(oemTableId, 8, "OEM table ID");
        check(creatorId, 4, "creator ID");
        if (revision < 0 || revision > 255) {
            throw new IllegalArgumentException("revision " + revision);
        }
    }

    /** An SSDT header with vbios's OEM and creator fields and the given table ID. */
    public static TableHeader ssdt(String oemTableId) {
        return new TableHeader("SSDT", 2, DEFAULT_OEM_ID, oemTableId, 1, DEFAULT_CREATOR, 1);
    }

    /** The same header with another table ID (data tables of one set). */
    public TableHeader withTableId(String tableId) {
        return new TableHeader(signature, revision, oemId, tableId, oemRevision, creatorId, creatorRevision);
    }

    private static void check(String value, int width, String what) {
        if (value == null || value.length() > width || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(what + " must be at most " + width + " printable ASCII characters: "
                    + value);
        }
    }

    static byte[] padded(String value, int width) {
        byte[] out = new byte[width];
        Arrays.fill(out, (byte) ' ');
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, out, 0, v.length);
        return out;
    }
}
