package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;

/** EFI PCI expansion ROM header (rom-format.md 1.3). EfiSignature is a u32. */
public record EfiRomHeader(int initializationSize, long efiSignature, int subsystem, int machine,
                           int compressionType, int imageOffset, int pcirPointer) {
    public static final long EFI_SIGNATURE = 0x0EF1;
    public static final int MACHINE_X64 = 0x8664;

    static EfiRomHeader parse(ByteSlice file, long off) {
        return new EfiRomHeader(file.u16(off + 2), file.u32(off + 4), file.u16(off + 8), file.u16(off + 0x0A),
                file.u16(off + 0x0C), file.u16(off + 0x16), file.u16(off + 0x18));
    }

    public boolean signatureValid() {
        return efiSignature == EFI_SIGNATURE;
    }

    public static String machineName(int machine) {
        return switch (machine) {
            case 0x014C -> "IA32";
            case 0x0200 -> "IA64";
            case 0x0EBC -> "EBC";
            case 0x8664 -> "X64";
            case 0x01C2 -> "ARM";
            case 0xAA64 -> "AArch64";
            default -> "0x" + Hex.upper(machine, 4);
        };
    }
}
