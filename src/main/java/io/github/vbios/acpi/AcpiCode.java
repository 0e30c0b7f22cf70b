package io.github.vbios.acpi;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of the ACPI room: table decoding (ssdt --decompile) and the ssdt report.
 * Each id is {@code acpi.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum AcpiCode implements FindingCode {
    /** A table shorter than its 36-byte header. */
    TABLE_TOO_SHORT,
    /** A table checksum that is not zero. */
    CHECKSUM_INVALID,
    /** A header length that differs from the table's size. */
    LENGTH_MISMATCH,
    /** AML that cannot be decoded. */
    AML_UNDECODABLE,
    /** A layout-A NVIDIA ROM given as its PCI view only: the NVIDIA-only images are not in the tables. */
    NVIDIA_IMAGES_MISSING,
    /** The tables serve the NVIDIA view, which is longer than the PCI view (the romfile). */
    NVIDIA_VIEW_SERVED;

    @Override
    public String room() {
        return "acpi";
    }
}
