package io.github.vbios.codec;

/**
 * The identifying fields of a PE/COFF or TE image header (PE/COFF spec 3.3/3.4; PI spec vol. 1
 * "TE image"). For TE images {@code pe32Plus} is false (TE drops the optional header) and
 * {@code sizeOfImage} is derived from the section table.
 *
 * @param machine          COFF Machine, e.g. 0x8664 X64, 0x014C IA32, 0xAA64 AArch64, 0x0EBC EBC
 * @param subsystem        10 EFI application, 11 EFI boot-service driver, 12 EFI runtime driver
 * @param sizeOfImage      bytes the image occupies once loaded
 * @param pe32Plus         optional header magic 0x20B (64-bit layout)
 * @param te               a Terse Executable ("VZ") rather than MZ/PE
 * @param numberOfSections entries in the section table
 */
public record PeHeader(int machine, int subsystem, long sizeOfImage, boolean pe32Plus, boolean te,
                       int numberOfSections) {
    public static final int MACHINE_IA32 = 0x014C;
    public static final int MACHINE_X64 = 0x8664;
    public static final int MACHINE_EBC = 0x0EBC;
    public static final int MACHINE_ARM64 = 0xAA64;
    public static final int SUBSYSTEM_EFI_APPLICATION = 10;
    public static final int SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER = 11;
    public static final int SUBSYSTEM_EFI_RUNTIME_DRIVER = 12;

    /** A short machine name as EDK2's tools print it ("X64", "IA32", ...), or the hex value. */
    public String machineName() {
        return switch (machine) {
            case MACHINE_IA32 -> "IA32";
            case MACHINE_X64 -> "X64";
            case MACHINE_EBC -> "EBC";
            case MACHINE_ARM64 -> "AARCH64";
            case 0x0200 -> "IA64";
            case 0x01C2 -> "ARM";
            case 0x5064 -> "RISCV64";
            default -> String.format("0x%04X", machine);
        };
    }
}
