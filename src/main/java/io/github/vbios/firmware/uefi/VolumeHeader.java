package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutOfBoundsException;
import java.util.List;
import java.util.Set;

/**
 * EFI_FIRMWARE_VOLUME_HEADER (firmware.md 2.5).
 *
 * @param bodyOffset where the file area starts: after the extended header when there is one
 */
public record VolumeHeader(String fileSystem, long fvLength, int attributes, int headerLength,
                           boolean checksumOk, int extHeaderOffset, int revision, long blockMapTotal,
                           String fvName, int bodyOffset) {
    public static final int MIN_LENGTH = 0x48;
    static final long SIGNATURE = 0x4856465FL; // "_FVH" at +0x28

    private static final Set<String> FFS2 = Set.of(Guid.FFS_V2, Guid.FFS_V2_PI,
            "04ADEEAD-61FF-4D31-B6BA-64F8BF901F5A", "BD001B8C-6A71-487B-A14F-0C2A2DCF7A5D",
            "AD3FFFFF-D28B-44C4-9F13-9EA98A97F9F0", "D6A1CD70-4B33-4994-A6EA-375F2CCC5437",
            "4F494156-AED6-4D64-A537-B8A5557BCEEC");

    /** Erase polarity (attribute 0x800): the empty byte is 0xFF, otherwise 0x00. */
    public int emptyByte() {
        return (attributes & 0x800) != 0 ? 0xFF : 0x00;
    }

    public boolean ffsV3() {
        return Guid.FFS_V3.equals(fileSystem);
    }

    /** True for a volume whose body is an FFS file list (v2 or v3). */
    public boolean isFfs() {
        return ffsV3() || FFS2.contains(fileSystem);
    }

    /**
     * The FV length when a volume header plausibly starts at {@code off} (UEFITool's raw-area
     * acceptance: signature, length, revision 1/2, block map in bounds), else -1.
     */
    static long candidateLength(ByteSlice d, int off) {
        if (!d.contains(off, MIN_LENGTH) || d.u32(off + 0x28) != SIGNATURE) {
            return -1;
        }
        long length = d.u64(off + 0x20);
        int rev = d.u8(off + 0x37);
        int hdrLen = d.u16(off + 0x30);
        if (length < MIN_LENGTH || length >= (1L << 32) || (rev != 1 && rev != 2) || hdrLen < 0x38 + 8
                || hdrLen > length) {
            return -1;
        }
        for (int p = off + 0x38; p + 8 <= off + hdrLen && d.contains(p, 8); p += 8) {
            if (d.u32(p) == 0 && d.u32(p + 4) == 0) {
                return length;
            }
        }
        return -1;
    }

    /** Parses the header of {@code fv} (the volume's own bytes); mismatches become findings. */
    static VolumeHeader parse(ByteSlice fv, List<Finding> out) {
        int hdrLen = fv.u16(0x30);
        int rev = fv.u8(0x37);
        int attrs = fv.s32(0x2C);
        boolean sumOk = fv.contains(0, hdrLen) && sum16(fv, hdrLen) == 0;
        if (!sumOk) {
            out.add(Finding.warning(FirmwareCode.VOLUME_CHECKSUM_INVALID,
                    0x32, "volume header checksum is wrong (message only, as UEFITool)"));
        }
        long blocks = 0;
        for (int p = 0x38; fv.contains(p, 8) && !(fv.u32(p) == 0 && fv.u32(p + 4) == 0); p += 8) {
            blocks += fv.u32(p) * fv.u32(p + 4);
        }
        long length = fv.u64(0x20);
        if (blocks != length) {
            out.add(Finding.info(FirmwareCode.VOLUME_BLOCK_MAP_MISMATCH,
                    0x38, "block map covers " + blocks + " bytes, volume length is " + length));
        }
        int extOff = rev >= 2 ? fv.u16(0x34) : 0;
        String name = null;
        int body = align8(hdrLen);
        if (extOff != 0) {
            try {
                name = Guid.read(fv, extOff);
                long extSize = fv.u32(extOff + 16);
                if (extSize < 20 || extOff + extSize > fv.length()) {
                    out.add(Finding.warning(FirmwareCode.VOLUME_EXT_HEADER_INVALID,
                            extOff, "extended header size " + extSize + " does not fit the volume"));
                } else {
                    body = align8((int) (extOff + extSize));
                }
            } catch (OutOfBoundsException e) {
                out.add(Finding.warning(FirmwareCode.VOLUME_EXT_HEADER_INVALID,
                        extOff, "extended header offset lies outside the volume"));
            }
        }
        return new VolumeHeader(Guid.read(fv, 0x10), length, attrs, hdrLen, sumOk, extOff, rev, blocks, name,
                Math.min(body, fv.length()));
    }

    private static int sum16(ByteSlice s, int len) {
        int sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += s.u16(i);
        }
        return sum & 0xFFFF;
    }

    static int align8(int v) {
        return (v + 7) & ~7;
    }
}
