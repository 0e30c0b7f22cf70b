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
    NVIDIA_VIEW_SERVED,
    /** ssdt note: no --mode, so the mode was chosen from the ROM size (info). */
    MODE_DEFAULTED,
    /** ssdt note: --clean cut the served view (PCI or NVIDIA, see rom.view) out of the input (info). */
    VIEW_CUT_OUT,
    /** ssdt note: the tables exceed QEMU's 65536-byte migration blob; QEMU warns, harmless for a VM with a passed GPU (info). */
    MIGRATION_BLOB_EXCEEDED,
    /** ssdt note: scope placement fails (AE_NOT_FOUND) unless QEMU creates the GPU's node. */
    SCOPE_NEEDS_NODE,
    /** ssdt note: declare placement fails (AE_ALREADY_EXISTS) where QEMU already created the GPU's node. */
    DECLARE_CLASHES_WITH_NODE,
    /** ssdt note: check the GPU's ACPI path in the guest (firmware_node/path) (info). */
    CHECK_PATH_IN_GUEST;

    @Override
    public String room() {
        return "acpi";
    }
}
