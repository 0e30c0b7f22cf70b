package io.github.vbios.rom;

import io.github.vbios.io.Hex;
import java.util.Optional;

/**
 * A byte that may be changed to compensate a checksum without touching code or data
 * (rom-format.md 1.2, 1.10), and why it is safe.
 *
 * @param offset absolute offset in the romfile
 * @param why a sentence for the report
 */
public record SafeByte(long offset, String why) {
    /** Padding this long before a block's last byte marks that byte as the block's sum byte. */
    static final int SUM_BYTE_PADDING = 8;
    /** A run of fill this long inside a block is padding, not a table (fallback only). */
    static final int PADDING_RUN = 32;
    /** Image headers and data structures live in the first bytes of a block; never pick a byte there. */
    static final int HEADER_AREA = 0x100;

    /**
     * A safe byte in {@code [from, to)}. With {@code sumByte}, first the block's last byte when padding
     * precedes it: NVIDIA's tools keep each block's sum byte there (every sub-block of every corpus ROM
     * ends in 0xFF/0x00 padding and one sum byte). Otherwise the last byte of a long padding run;
     * empty when there is none.
     */
    public static Optional<SafeByte> find(byte[] rom, long from, long to, boolean sumByte) {
        if (from < 0 || to > rom.length || to <= from) {
            return Optional.empty();
        }
        int last = (int) to - 1;
        if (sumByte && last - SUM_BYTE_PADDING >= from && isFill(rom, last - SUM_BYTE_PADDING, last)) {
            return Optional.of(new SafeByte(last, "last byte of the block, after " + fillName(rom[last - 1])
                    + " padding: where NVIDIA's tools keep each block's sum byte (rom-format.md 1.10)"));
        }
        long floor = from + HEADER_AREA;
        int runEnd = -1;
        for (int i = last - 1; i >= floor; i--) {
            boolean fill = rom[i] == 0 || rom[i] == (byte) 0xFF;
            if (runEnd < 0 && fill) {
                runEnd = i;
            } else if (runEnd >= 0 && (!fill || rom[i] != rom[runEnd])) {
                if (runEnd - i >= PADDING_RUN) {
                    return Optional.of(padding(rom, runEnd, runEnd - i));
                }
                runEnd = fill ? i : -1;
            }
        }
        return runEnd >= 0 && runEnd - floor + 1 >= PADDING_RUN
                ? Optional.of(padding(rom, runEnd, runEnd - floor + 1)) : Optional.empty();
    }

    /** The middle of the run: away from whatever data borders it. */
    private static SafeByte padding(byte[] rom, int runEnd, long run) {
        int at = (int) (runEnd - run / 2);
        return new SafeByte(at, "middle of a run of " + run + " " + fillName(rom[at])
                + " padding bytes inside the block (no code or table uses padding)");
    }

    /**
     * The header byte a non-NVIDIA x86 image is fixed with: AMD ATOM BIOSes keep their checksum byte at
     * 0x21 (the offset AMD's and the BIOS editors' tools use); everyone else uses reserved byte 6 like
     * QEMU, SeaBIOS's buildrom and iPXE (rom-format.md 1.2: 0x06-0x17 are reserved).
     */
    public static SafeByte headerByte(byte[] rom, RomImage x86) {
        long off = x86.offset();
        // by the ATOM signature, not the vendor ID: --set-ids may just have changed that
        if (off + 0x4A <= rom.length) {
            int atom = (rom[(int) off + 0x48] & 0xFF) | (rom[(int) off + 0x49] & 0xFF) << 8;
            long sig = off + atom + 4;
            if (atom > 0 && sig + 4 <= rom.length && rom[(int) sig] == 'A' && rom[(int) sig + 1] == 'T'
                    && rom[(int) sig + 2] == 'O' && rom[(int) sig + 3] == 'M') {
                return new SafeByte(off + 0x21, "header byte " + Hex.offset(off + 0x21)
                        + ": the ATOM BIOS checksum byte (image offset 0x21)");
            }
        }
        return new SafeByte(off + 6, "header byte " + Hex.offset(off + 6)
                + ": reserved byte 6, the fix-up byte QEMU, SeaBIOS's buildrom and iPXE use");
    }

    private static boolean isFill(byte[] rom, int from, int to) {
        byte b = rom[from];
        if (b != 0 && b != (byte) 0xFF) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (rom[i] != b) {
                return false;
            }
        }
        return true;
    }

    private static String fillName(byte b) {
        return b == 0 ? "0x00" : "0xFF";
    }
}
