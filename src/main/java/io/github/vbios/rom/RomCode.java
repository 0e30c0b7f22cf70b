package io.github.vbios.rom;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings and verdict warnings of the option ROM room (info, patch, dump's check).
 * Each id is {@code rom.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum RomCode implements FindingCode {
    /** A read ran past the end of the input; the analysis stopped there. */
    ANALYSIS_STOPPED,
    /** 55 AA at offset 0 with PCIR pointer 0: a legacy/ISA ROM, not a PCI option ROM. */
    LEGACY_NO_PCIR,
    /** No PCI option ROM anywhere in the file. */
    NOT_FOUND,
    /** An NVIDIA container header (NVGI/NVFW) that does not parse; the other rules are tried. */
    NVIDIA_CONTAINER_INVALID,
    /** An NVIDIA container whose ROM start holds no image; the other rules are tried. */
    NVIDIA_CONTAINER_START_INVALID,
    /** The option ROM was found only by the 4-byte scan, not on a 512-byte boundary. */
    START_UNALIGNED,
    /** A PCIR image length of 0: the PCI chain cannot continue. */
    IMAGE_LENGTH_ZERO,
    /** An image of the PCI chain runs past the end of the file. */
    TRUNCATED,
    /** More images than the walk follows; it stopped. */
    TOO_MANY_IMAGES,
    /** The PCI chain ends at the end of the file although the last image says more follow. */
    CHAIN_ENDS_AT_EOF,
    /** The PCI chain ends at a header that is not an image, without a last-image flag. */
    CHAIN_UNTERMINATED,
    /** Where and why the NVIDIA chain ends (info: fill after the last image is usual). */
    NVIDIA_CHAIN_END,
    /** An NVIDIA image size of 0: the NVIDIA chain cannot continue. */
    NVIDIA_IMAGE_SIZE_ZERO,
    /** An image of the NVIDIA chain runs past the end of the file. */
    NVIDIA_TRUNCATED,
    /** Verdict: no image firmware would accept (no 55 AA/PCIR chain). */
    NO_PCI_VIEW,
    /** Verdict: the file looks like a boot GPU's shadow copy. */
    SHADOW_COPY,
    /** Verdict: the option ROM does not start at offset 0. */
    LEADING_DATA,
    /** Verdict: the PCI chain claims bytes past the end of the file. */
    CHAIN_TRUNCATED,
    /** Verdict: the PCI chain ends without a last-image flag. */
    CHAIN_INCOMPLETE,
    /** Verdict: bytes after the end of the PCI view. */
    TRAILING_DATA,
    /** Verdict: an image has other vendor/device IDs than the first. */
    IDS_DIFFER,
    /** Verdict: an EFI image is for another machine than X64. */
    EFI_NOT_X64,
    /** Verdict: an EFI image claims X64 but does not decode to a valid PE32+ (a damaged dump). */
    EFI_DAMAGED,
    /** Verdict: an EFI image payload that cannot be decoded. */
    EFI_UNREADABLE,
    /** Verdict: the x86 checksum range runs past the end of the file. */
    CHECKSUM_RANGE_PAST_END,
    /** Verdict: the x86 image checksum is not zero. */
    CHECKSUM_INVALID,
    /** Verdict: byte 2 of an x86 image claims more bytes than the file holds (SeaBIOS rejects it). */
    BYTE2_PAST_END,
    /** Verdict: the sum over the byte-2 length is not zero (SeaBIOS rejects it). */
    SEABIOS_CHECKSUM_INVALID,
    /** patch --check note: the NPDE range of an x86 image does not sum to zero (a modded ROM; QEMU does not care). */
    NPDE_CHECKSUM_INVALID,
    /** patch --fix-checksum note: a block whose NPDE says checksum disabled is kept zero-sum, the x86 ranges include it (info). */
    NPDE_CHECKSUM_DISABLED,
    /** patch --fix-checksum: a range to fix (PCIR length or byte 2) is empty or runs past the end; not fixed. */
    CHECKSUM_FIX_RANGE_INVALID,
    /** patch --fix-checksum: the byte-2 range ends outside the PCIR length; not fixed. */
    CHECKSUM_FIX_OUTSIDE_PCIR,
    /** patch --fix-checksum: no padding byte in the range is safe to change; that range is not fixed. */
    CHECKSUM_FIX_NO_SAFE_BYTE,
    /** patch --fix-checksum: a range still does not sum to zero, the fixed ROM parses differently; not fixed. */
    CHECKSUM_FIX_PARSE_CHANGED,
    /** info note: an EFI image with IDs 0000:0000 (usual for NVIDIA GOP images; OVMF does not check them) (info). */
    EFI_IDS_ZERO,
    /** patch note: layout B, NVIDIA-only images inside the x86 image's PCIR length stay in the romfile (info). */
    LAYOUT_B_IMAGES_KEPT,
    /** patch note: no container header was recognised; the option ROM was found by scanning (info). */
    FOUND_BY_SCAN,
    /** patch --set-ids: an NVIDIA private or non-firmware image keeps its ID (info). */
    IDS_KEPT_PRIVATE_IMAGE,
    /** patch --set-ids: an image with other IDs than the card's is left unchanged (info). */
    IDS_KEPT_OTHER_IDS,
    /** patch --set-ids: an image's PCI 3.0 device list is left unchanged (info). */
    DEVICE_LIST_KEPT;

    @Override
    public String room() {
        return "rom";
    }
}
