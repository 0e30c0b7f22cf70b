package io.github.vbios.firmware.uefi;

import io.github.vbios.io.ByteSlice;

/**
 * EFI_FFS_FILE_HEADER (firmware.md 2.6), v2 or v3, with large-file sizes resolved.
 *
 * @param headerSize 0x18, 0x1C (Lenovo FFSv2 large file) or 0x20 (FFSv3 large file)
 * @param tailSize   2 for revision-1 volumes with a tail (attribute 0x01), else 0
 */
public record FfsFile(String name, int type, int attributes, int state, long size, int headerSize,
                      int tailSize, boolean headerChecksumOk, boolean dataChecksumOk) {
    public static final int HEADER = 0x18;
    public static final int TYPE_RAW = 0x01;
    public static final int TYPE_FREEFORM = 0x02;
    public static final int TYPE_FV_IMAGE = 0x0B;
    public static final int TYPE_PAD = 0xF0;

    /**
     * Reads the header at {@code off} of a file in the volume {@code vol}, whose revision and FFS
     * version decide the large-file and tail rules. Returns the size field as given; the walker
     * checks it against what the volume has left.
     */
    static FfsFile read(ByteSlice d, int off, VolumeHeader vol) {
        int attrs = d.u8(off + 0x13);
        long size = d.u24(off + 0x14);
        int hdr = HEADER;
        if ((attrs & 0x01) != 0 && vol.ffsV3()) {
            size = d.u64(off + 0x18);
            hdr = 0x20;
        } else if ((attrs & 0x01) != 0 && vol.revision() >= 2 && size == 0) {
            size = d.u32(off + 0x18); // Lenovo large file in an FFSv2 volume
            hdr = 0x1C;
        }
        int tail = vol.revision() == 1 && (attrs & 0x01) != 0 ? 2 : 0;
        int state = d.u8(off + 0x17);
        boolean hdrOk = headerChecksumOk(d, off, hdr);
        boolean dataOk = true;
        if (size >= hdr + tail && d.contains(off, size)) {
            int dataChk = d.u8(off + 0x11);
            if ((attrs & 0x40) != 0) {
                dataOk = ((0x100 - d.sum8(off + hdr, size - hdr - tail)) & 0xFF) == dataChk;
            } else {
                dataOk = dataChk == (vol.revision() == 1 ? 0x5A : 0xAA);
            }
        }
        return new FfsFile(Guid.read(d, off), d.u8(off + 0x12), attrs, state, size, hdr, tail, hdrOk, dataOk);
    }

    /** firmware.md 2.6: 0x100 - (sum8(header) - hdrChk - dataChk - State) == hdrChk. */
    private static boolean headerChecksumOk(ByteSlice d, int off, int hdr) {
        int sum = d.sum8(off, hdr) - d.u8(off + 0x10) - d.u8(off + 0x11) - d.u8(off + 0x17);
        return ((0x100 - sum) & 0xFF) == d.u8(off + 0x10);
    }

    public String typeName() {
        return switch (type) {
            case 0x00 -> "all";
            case 0x01 -> "raw";
            case 0x02 -> "freeform";
            case 0x03 -> "SEC core";
            case 0x04 -> "PEI core";
            case 0x05 -> "DXE core";
            case 0x06 -> "PEI module";
            case 0x07 -> "DXE driver";
            case 0x08 -> "combined PEIM/driver";
            case 0x09 -> "application";
            case 0x0A -> "MM module";
            case 0x0B -> "volume image";
            case 0x0C -> "combined MM/DXE";
            case 0x0D -> "MM core";
            case 0x0E -> "MM standalone";
            case 0x0F -> "MM core standalone";
            case 0xF0 -> "pad";
            default -> type >= 0xC0 && type <= 0xDF ? "OEM" : type >= 0xE0 && type <= 0xEF ? "debug" : "unknown";
        };
    }
}
