package io.github.vbios.firmware;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of a firmware walk (extract). The incomplete ones are {@link Incomplete#finding()}.
 * Each id is {@code firmware.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum FirmwareCode implements FindingCode {
    /** --max-total decoded bytes were spent (incomplete: decode-budget). */
    LIMIT_TOTAL("limit-total"),
    /** The --deadline passed (incomplete: deadline). */
    LIMIT_DEADLINE("limit-deadline"),
    /** The Java heap ran out unpacking a part (incomplete: out-of-memory). */
    OUT_OF_MEMORY("out-of-memory"),
    /** Containers nest deeper than the walk's stack allows (incomplete: stack-depth). */
    LIMIT_STACK("limit-stack"),
    /** A container deeper than --max-depth was not opened (incomplete: depth-limit). */
    LIMIT_DEPTH("limit-depth"),
    /** A stream over --max-stream was skipped (incomplete: stream-limit). */
    LIMIT_STREAM("limit-stream"),
    /** Millions of structures: the rest is not walked (incomplete: too-many-structures). */
    LIMIT_STRUCTURES("limit-structures"),
    /** A container vbios recognises but cannot open (incomplete: unopened-container). */
    CONTAINER_UNOPENED("container-unopened"),
    /** More structures or findings than are listed; the rest are counted only. */
    LIMIT_RECORDS("limit-records"),
    /** A stream decodes to more than the decode budget has left; it closes the budget (then limit-total). */
    STREAM_REFUSED("stream-refused"),
    /** A stream claims more than the ratio cap allows from its compressed size; not believed, skipped. */
    LIMIT_RATIO("limit-ratio"),
    /** The Java heap holds streams smaller than --max-stream (info). */
    HEAP_LIMIT("heap-limit"),
    /** A structure is cut short by the end of its container. */
    STRUCTURE_TRUNCATED("structure-truncated"),
    /** A compressed stream does not decode (corrupt data). */
    DECODE_FAILED("decode-failed"),
    /** Neither EFI 1.1 nor Tiano decompression gave a section stream; the first is used (info). */
    EFI_VARIANT_GUESSED("efi-variant-guessed"),
    /** A firmware volume header is cut short. */
    VOLUME_TRUNCATED("volume-truncated"),
    /** A firmware volume header checksum is wrong. */
    VOLUME_CHECKSUM_INVALID("volume-checksum-invalid"),
    /** The block map does not cover the volume length (info). */
    VOLUME_BLOCK_MAP_MISMATCH("volume-block-map-mismatch"),
    /** The extended volume header does not fit the volume. */
    VOLUME_EXT_HEADER_INVALID("volume-ext-header-invalid"),
    /** The volume's file system is not FFS; its body is scanned raw (info). */
    VOLUME_NOT_FFS("volume-not-ffs"),
    /** A volume found in raw data runs past the end of the data. */
    VOLUME_OVERLAPS_END("volume-overlaps-end"),
    /** An FFS file header with an invalid size; the rest of the volume is scanned raw. */
    FILE_SIZE_INVALID("file-size-invalid"),
    /** An FFS file runs past the end of its volume. */
    FILE_OVERLAPS_END("file-overlaps-end"),
    /** An FFS file header checksum mismatch (info). */
    FILE_HEADER_CHECKSUM_INVALID("file-header-checksum-invalid"),
    /** An FFS file data checksum mismatch (info). */
    FILE_DATA_CHECKSUM_INVALID("file-data-checksum-invalid"),
    /** Non-UEFI data after the free space of a volume (info). */
    NON_UEFI_DATA("non-uefi-data"),
    /** A section is cut short. */
    SECTION_TRUNCATED("section-truncated"),
    /** A body that is not a section stream; the rest is scanned raw (info). */
    SECTION_STREAM_INVALID("section-stream-invalid"),
    /** A GUID-defined section whose DataOffset does not fit. */
    SECTION_GUID_HEADER_INVALID("section-guid-header-invalid"),
    /** A GUID-defined section that needs processing vbios does not know (info). */
    SECTION_GUID_UNKNOWN("section-guid-unknown"),
    /** A CRC32 GUID-defined section whose stored CRC differs. */
    SECTION_CRC_INVALID("section-crc-invalid"),
    /** A signed section whose certificate length does not fit. */
    SECTION_SIGNED_INVALID("section-signed-invalid"),
    /** A compression section of an unknown type; the data is scanned raw. */
    COMPRESSION_TYPE_UNKNOWN("compression-type-unknown"),
    /** A compression section decodes to another size than it declares. */
    COMPRESSION_SIZE_MISMATCH("compression-size-mismatch"),
    /** A capsule header that is invalid. */
    CAPSULE_HEADER_INVALID("capsule-header-invalid"),
    /** The AMI Aptio V signed-capsule header without its body (info when nested, else warning). */
    CAPSULE_HEADER_ONLY("capsule-header-only"),
    /** An Intel flash descriptor that does not parse; the image is scanned raw. */
    DESCRIPTOR_INVALID("descriptor-invalid"),
    /** An archive (zip, 7z, ...) that cannot be read. */
    ARCHIVE_UNREADABLE("archive-unreadable"),
    /** A cabinet is cut short. */
    CAB_TRUNCATED("cab-truncated"),
    /** A cabinet file continues in another cabinet; skipped (info). */
    CAB_FILE_SPANNED("cab-file-spanned"),
    /** A cabinet file lies outside its folder's data. */
    CAB_FILE_OUTSIDE("cab-file-outside"),
    /** A cabinet MSZIP block does not decode. */
    CAB_BLOCK_INVALID("cab-block-invalid"),
    /** An AMI UCP module header is cut short. */
    UCP_HEADER_TRUNCATED("ucp-header-truncated"),
    /** An AMI UCP module whose size does not fit. */
    UCP_MODULE_INVALID("ucp-module-invalid"),
    /** An AMI BIOS Guard header size that does not fit; scanned raw. */
    BIOS_GUARD_HEADER_INVALID("bios-guard-header-invalid"),
    /** An AMI BIOS Guard table that lists no files; scanned raw. */
    BIOS_GUARD_EMPTY("bios-guard-empty"),
    /** An AMI BIOS Guard block that does not fit. */
    BIOS_GUARD_BLOCK_INVALID("bios-guard-block-invalid"),
    /** BIOS Guard blocks place data beyond the output limit; not joined. */
    BIOS_GUARD_NOT_JOINED("bios-guard-not-joined"),
    /** A Phoenix TDK entry is cut short. */
    TDK_ENTRY_TRUNCATED("tdk-entry-truncated"),
    /** Phoenix TDK entries point outside the file; scanned raw. */
    TDK_ENTRIES_INVALID("tdk-entries-invalid"),
    /** A Dell PFS entry list that does not parse; the payload is scanned as one area (info). */
    PFS_ENTRIES_INVALID("pfs-entries-invalid"),
    /** An Insyde iFlash image whose size does not fit; skipped (info). */
    IFLASH_IMAGE_INVALID("iflash-image-invalid"),
    /** A registry export without a binary value large enough to hold a ROM (info). */
    REG_NO_BINARY("reg-no-binary"),
    /** A registry value that is not a valid hex list or is over the size limit. */
    REG_VALUE_INVALID("reg-value-invalid"),
    /** An option ROM candidate whose analysis ended early; it is not carved. */
    ROM_SCAN_FAILED("rom-scan-failed");

    private final String id;

    FirmwareCode(String name) {
        this.id = "firmware." + name;
    }

    @Override
    public String id() {
        return id;
    }
}
