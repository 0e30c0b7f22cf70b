package io.github.vbios.acpi;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of the ACPI room: table decoding (ssdt --decompile) and the ssdt report.
 * Each id is {@code acpi.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum AcpiCode implements FindingCode {
    /** A table shorter than its 36-byte header. */
    TABLE_TOO_SHORT("table-too-short"),
    /** A table checksum that is not zero. */
    CHECKSUM_INVALID("checksum-invalid"),
    /** A header length that differs from the table's size. */
    LENGTH_MISMATCH("length-mismatch"),
    /** AML that cannot be decoded. */
    AML_UNDECODABLE("aml-undecodable"),
    /** A layout-A NVIDIA ROM given as its PCI view only: the NVIDIA-only images are not in the tables. */
    NVIDIA_IMAGES_MISSING("nvidia-images-missing"),
    /** The tables serve the NVIDIA view, which is longer than the PCI view (the romfile). */
    NVIDIA_VIEW_SERVED("nvidia-view-served");

    private final String id;

    AcpiCode(String name) {
        this.id = "acpi." + name;
    }

    @Override
    public String id() {
        return id;
    }
}
