package io.github.vbios.rom.nvidia;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutOfBoundsException;
import java.util.Optional;

/**
 * NVIDIA full-flash containers in front of the option ROM (rom-format.md 1.8): NVGI/IFR v1-v3
 * and Blackwell's NVFW + RFRD v4. Only computes the candidate start; the caller verifies it.
 *
 * @param version NVGI version (1, 2, 3) or 4 for NVFW/RFRD v4
 * @param headerOffset offset of "NVGI" / "NVFW"
 * @param directoryOffset offset of "RFRD", or -1
 * @param romStart the option-ROM start the container points at, or -1
 * @param details how it was derived, or why it failed
 */
public record NvidiaContainer(int version, long headerOffset, long directoryOffset, long romStart, String details) {
    public static final long NVGI = 0x4947564EL;
    public static final long NVFW = 0x5746564EL;
    /** rom-format.md 1.9.1 step 2: NVFW is searched in the first 2 MiB. */
    public static final int NVFW_SEARCH_LIMIT = 2 << 20;
    private static final byte[] RFRD = {'R', 'F', 'R', 'D'};

    public boolean found() {
        return romStart >= 0;
    }

    /** Applies the IFR rule to an NVGI header at {@code at}; empty when there is none. */
    public static Optional<NvidiaContainer> nvgi(ByteSlice file, long at) {
        if (!file.contains(at, 12) || file.u32(at) != NVGI) {
            return Optional.empty();
        }
        return Optional.of(nvgiRule(file, at));
    }

    private static NvidiaContainer nvgiRule(ByteSlice file, long at) {
        try {
            long word = file.u32(at + 4);
            int version = (int) (word >> 8) & 0xFF;
            long fixed = (word >> 16) & 0x7FFF;
            if (version == 1 || version == 2) {
                long start = file.u32(at + fixed + 4);
                return new NvidiaContainer(version, at, -1, at + start, "NVGI v" + version + ": fixed-data size " + Hex.offset(fixed)
                        + ", option ROM offset u32 at " + Hex.offset(at + fixed + 4) + " = " + Hex.offset(start));
            }
            if (version == 3) {
                return nvgiV3(file, at);
            }
            return new NvidiaContainer(version, at, -1, -1, "NVGI version " + version + " is not known");
        } catch (OutOfBoundsException e) {
            return new NvidiaContainer(0, at, -1, -1, "NVGI header points outside the file: " + e.getMessage());
        }
    }

    private static NvidiaContainer nvgiV3(ByteSlice file, long at) {
        long total = file.u32(at + 8) & 0xFFFFF;
        long fso = file.u32(at + total);
        long rfrd = at + fso + 0x1000;
        if (!file.matchesAscii(rfrd, "RFRD")) {
            return new NvidiaContainer(3, at, -1, -1, "NVGI v3: total-data size " + Hex.offset(total)
                    + ", expected RFRD directory at " + Hex.offset(rfrd) + " but it is not there");
        }
        long start = file.u32(rfrd + 8);
        return new NvidiaContainer(3, at, rfrd, at + start, "NVGI v3: total-data size " + Hex.offset(total)
                + ", RFRD directory at " + Hex.offset(rfrd) + ", option ROM offset " + Hex.offset(start));
    }

    /** Searches NVFW on 2-byte steps and applies the RFRD v4 rule; empty when no NVFW exists. */
    public static Optional<NvidiaContainer> nvfw(ByteSlice file) {
        byte[] tag = {'N', 'V', 'F', 'W'};
        ByteSlice window = file.clamp(0, NVFW_SEARCH_LIMIT);
        int at = window.indexOf(tag, 0, 2);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(nvfwAt(file, at));
    }

    /** The RFRD v4 rule for an NVFW header at {@code at}: the directory's +8 offset is relative to NVFW. */
    public static NvidiaContainer nvfwAt(ByteSlice file, long at) {
        // the directory follows the signed blobs; GB206: 0x34200 bytes after NVFW (1.8)
        ByteSlice window = file.clamp(0, at + NVFW_SEARCH_LIMIT);
        int rfrd = window.indexOf(RFRD, (int) at + 4, 1);
        while (rfrd >= 0) {
            if (file.contains(rfrd, 12) && file.u16(rfrd + 4) == 4) {
                long start = file.u32(rfrd + 8);
                return new NvidiaContainer(4, at, rfrd, at + start, String.format(
                        "NVFW at 0x%X, RFRD v4 directory at 0x%X, option ROM offset 0x%X", at, rfrd, start));
            }
            rfrd = window.indexOf(RFRD, rfrd + 1, 1);
        }
        return new NvidiaContainer(4, at, -1, -1, String.format("NVFW at 0x%X but no RFRD version 4 directory after it", at));
    }
}
