package io.github.vbios.firmware;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of a firmware walk (extract). The incomplete ones are {@link Incomplete#finding()}.
 * Each id is {@code firmware.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum FirmwareCode implements FindingCode {
    /** --max-total decoded bytes were spent (incomplete: decode-budget). */
    LIMIT_TOTAL,
    /** The --deadline passed (incomplete: deadline). */
    LIMIT_DEADLINE,
    /** The Java heap ran out unpacking a part (incomplete: out-of-memory). */
    OUT_OF_MEMORY,
    /** Containers nest deeper than the walk's stack allows (incomplete: stack-depth). */
    LIMIT_STACK,
    /** A container deeper than --max-depth was not opened (incomplete: depth-limit). */
    LIMIT_DEPTH,
    /** A stream over --max-stream was skipped (incomplete: stream-limit). */
    LIMIT_STREAM,
    /** Millions of structures: the rest is not walked (incomplete: too-many-structures). */
    LIMIT_STRUCTURES,
    /** A container vbios recognises but cannot open (incomplete: unopened-container). */
    CONTAINER_UNOPENED,
    /** More structures or findings than are listed; the rest are counted only. */
    LIMIT_RECORDS,
    /** A stream decodes to more than the decode budget has left; it closes the budget (then limit-total). */
    STREAM_REFUSED,
    /** A stream claims more than the ratio cap allows from its compressed size; not believed, skipped. */
    LIMIT_RATIO,
    /** The Java heap holds streams smaller than --max-stream (info). */
    HEAP_LIMIT,
    /** A structure is cut short by the end of its container. */
    STRUCTURE_TRUNCATED,
    /** A compressed stream does not decode (corrupt data). */
    DECODE_FAILED,
    /** Neither EFI 1.1 nor Tiano decompression gave a section stream; the first is used (info). */
    EFI_VARIANT_GUESSED,
    /** A firmware volume header is cut short. */
    VOLUME_TRUNCATED,
    /** A firmware volume header checksum is wrong. */
    VOLUME_CHECKSUM_INVALID,
    /** The block map does not cover the volume length (info). */
    VOLUME_BLOCK_MAP_MISMATCH,
    /** The extended volume header does not fit the volume. */
    VOLUME_EXT_HEADER_INVALID,
    /** The volume's file system is not FFS; its body is scanned raw (info). */
    VOLUME_NOT_FFS,
    /** A volume found in raw data runs past the end of the data. */
    VOLUME_OVERLAPS_END,
    /** An FFS file header with an invalid size; the rest of the volume is scanned raw. */
    FILE_SIZE_INVALID,
    /** An FFS file runs past the end of its volume. */
    FILE_OVERLAPS_END,
    /** An FFS file header checksum mismatch (info). */
    FILE_HEADER_CHECKSUM_INVALID,
    /** An FFS file data checksum mismatch (info). */
    FILE_DATA_CHECKSUM_INVALID,
    /** Non-UEFI data after the free space of a volume (info). */
    NON_UEFI_DATA,
    /** A section is cut short. */
    SECTION_TRUNCATED,
    /** A body that is not a section stream; the rest is scanned raw (info). */
    SECTION_STREAM_INVALID,
    /** A GUID-defined section whose DataOffset does not fit. */
    SECTION_GUID_HEADER_INVALID,
    /** A GUID-defined section that needs processing vbios does not know (info). */
    SECTION_GUID_UNKNOWN,
    /** A CRC32 GUID-defined section whose stored CRC differs. */
    SECTION_CRC_INVALID,
    /** A signed section whose certificate length does not fit. */
    SECTION_SIGNED_INVALID,
    /** A compression section of an unknown type; the data is scanned raw. */
    COMPRESSION_TYPE_UNKNOWN,
    /** A compression section decodes to another size than it declares. */
    COMPRESSION_SIZE_MISMATCH,
    /** A capsule header that is invalid. */
    CAPSULE_HEADER_INVALID,
    /** The AMI Aptio V signed-capsule header without its body (info when nested, else warning). */
    CAPSULE_HEADER_ONLY,
    /** An Intel flash descriptor that does not parse; the image is scanned raw. */
    DESCRIPTOR_INVALID,
    /** An archive (zip, 7z, ...) that cannot be read. */
    ARCHIVE_UNREADABLE,
    /** A cabinet is cut short. */
    CAB_TRUNCATED,
    /** A cabinet file continues in another cabinet; skipped (info). */
    CAB_FILE_SPANNED,
    /** A cabinet file lies outside its folder's data. */
    CAB_FILE_OUTSIDE,
    /** A cabinet MSZIP block does not decode. */
    CAB_BLOCK_INVALID,
    /** An AMI UCP module header is cut short. */
    UCP_HEADER_TRUNCATED,
    /** An AMI UCP module whose size does not fit. */
    UCP_MODULE_INVALID,
    /** An AMI BIOS Guard header size that does not fit; scanned raw. */
    BIOS_GUARD_HEADER_INVALID,
    /** An AMI BIOS Guard table that lists no files; scanned raw. */
    BIOS_GUARD_EMPTY,
    /** An AMI BIOS Guard block that does not fit. */
    BIOS_GUARD_BLOCK_INVALID,
    /** BIOS Guard blocks place data beyond the output limit; not joined. */
    BIOS_GUARD_NOT_JOINED,
    /** A Phoenix TDK entry is cut short. */
    TDK_ENTRY_TRUNCATED,
    /** Phoenix TDK entries point outside the file; scanned raw. */
    TDK_ENTRIES_INVALID,
    /** A Dell PFS entry list that does not parse; the payload is scanned as one area (info). */
    PFS_ENTRIES_INVALID,
    /** An Insyde iFlash image whose size does not fit; skipped (info). */
    IFLASH_IMAGE_INVALID,
    /** A registry export without a binary value large enough to hold a ROM (info). */
    REG_NO_BINARY,
    /** A registry value that is not a valid hex list or is over the size limit. */
    REG_VALUE_INVALID,
    /** An option ROM candidate whose analysis ended early; it is not carved. */
    ROM_SCAN_FAILED;

    @Override
    public String room() {
        return "firmware";
    }
}
