package io.github.vbios.rom;

import io.github.vbios.io.Hex;

/** PCIR code types (rom-format.md 1.4) with the names vbios prints. */
public final class CodeType {
    public static final int X86 = 0x00;
    public static final int OPEN_FIRMWARE = 0x01;
    public static final int PA_RISC = 0x02;
    public static final int EFI = 0x03;
    public static final int NBSI = 0x70;
    public static final int NVIDIA_FW = 0xE0;

    private CodeType() {
    }

    public static String name(int codeType) {
        return switch (codeType) {
            case X86 -> "x86";
            case OPEN_FIRMWARE -> "OpenFirmware";
            case PA_RISC -> "PA-RISC";
            case EFI -> "EFI";
            case NBSI -> "NBSI";
            case NVIDIA_FW -> "NVIDIA-FW";
            default -> "0x" + Hex.upper(codeType, 2);
        };
    }
}
