package io.github.vbios.codec;

/**
 * The two incompatible flavours of the EFI "standard" compression format. They differ only in the
 * width of the position-set code-length count (rom-format.md 1.12, firmware.md 2.8).
 */
public enum EfiCompressionVariant {
    /** EFI 1.10 ch. 17 / UEFI ch. 19: 4-bit position-set count, 8 KiB window. Option ROMs use this. */
    EFI_1_1(4, 13),
    /** EDK2 BaseTools TianoCompress: 5-bit position-set count, 512 KiB window. Firmware sections use either. */
    TIANO(5, 19);

    private final int positionCountBits;
    private final int windowBits;

    EfiCompressionVariant(int positionCountBits, int windowBits) {
        this.positionCountBits = positionCountBits;
        this.windowBits = windowBits;
    }

    /** Width of the count field in front of the position-set code lengths (PBIT). */
    public int positionCountBits() {
        return positionCountBits;
    }

    /** log2 of the window the reference encoder uses (WNDBIT); the decoder needs no window of its own. */
    public int windowBits() {
        return windowBits;
    }
}
