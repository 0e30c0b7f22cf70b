package io.github.vbios.sample;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;

/**
 * Synthetic files built to the byte layouts of real dumps that misled vbios (issue 15): a boot
 * Turing's sysfs shadow copy, an x86 image cut out of a laptop ROM, a legacy-only layout-B laptop
 * ROM that is no shadow copy, a dump whose EFI payload is damaged, and NVIDIA's 0000:0000 GOP images.
 */
public final class RealDumpLayouts {
    /** TU106 (GeForce RTX 2070). */
    public static final int TU106 = 0x1F07;
    /** GP108M (GeForce MX150). */
    public static final int GP108M = 0x1D10;

    private RealDumpLayouts() {
    }

    /**
     * A boot TU106's sysfs dump: one x86 image, byte 2 and the PCIR length both shrunk to 0xDC00,
     * the NPDE still 0xEC00, indicator 0 (not last), no EFI image, the file ends exactly at 0xDC00,
     * the checksum over 0xDC00 re-fixed to 0.
     */
    public static byte[] turingBootShadow() {
        RomImageSpec x86 = RomImageEdit.of(NvidiaSample.x86(0x6E, null).npdeLast(0).indicator(0))
                .byte2(0x6E).npdeSubBlocks(0x76).ids(0x10DE, TU106).spec();
        return new OptionRomBuilder().add(x86).build();
    }

    /**
     * The x86 image of a layout-B laptop ROM saved alone (61,952 bytes, the NPDE sub-image): byte 2
     * says 107,008 bytes and the PCIR length more, both past the end; the checksum no longer holds.
     */
    public static byte[] laptopX86Alone() {
        RomImageSpec x86 = RomImageEdit.of(NvidiaSample.x86(0x79, null).npdeLast(0).indicator(0))
                .byte2(0xD1).pcirLengthBlocks(0x164).npdeSubBlocks(0x79).fixChecksum(false).ids(0x10DE, GP108M).spec();
        return new OptionRomBuilder().add(x86).build();
    }

    /**
     * A legacy-only layout-B MX150 ROM from a Dell package: one x86 image, PCIR length 0x2C800 and last,
     * byte 2 = 0x1D400, NPDE sub-image 0xEE00; NVIDIA-FW images at 0xEE00 and 0x1D400 and the NBSI at
     * 0x2BE00, all inside the PCIR length; every sub-block checksum valid.
     */
    public static byte[] pascalLegacyLayoutB() {
        RomImageSpec x86 = RomImageEdit.of(NvidiaSample.x86(0x77, null).npdeLast(0).indicator(0x80))
                .byte2(0xEA).pcirLengthBlocks(0x164).ids(0x10DE, GP108M).spec();
        return new OptionRomBuilder()
                .add(x86)
                .add(OptionRomBuilder.nvidiaPrivate(0x1D00, 0xE0).sizeBlocks(0x73).npde(0x0101, 0x14))
                .add(OptionRomBuilder.nvidiaPrivate(0x1D00, 0xE0).sizeBlocks(0x75).npde(0x0101, 0x14))
                .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(5).indicator(0x80))
                .build();
    }

    /** A healthy AMD-like ROM: x86 + an EFI-1.1-compressed X64 GOP, both with the card's IDs. */
    public static byte[] amdWithGop() {
        byte[] gop = PeSample.pe32Plus(0x8664, 11, 0x6000, null);
        byte[] packed = EfiCompressor.compress(gop, EfiCompressionVariant.EFI_1_1);
        return new OptionRomBuilder()
                .add(OptionRomBuilder.x86(0x1002, 0x67DF).sizeBlocks(16))
                .add(OptionRomBuilder.efi(0x1002, 0x67DF, 0x8664, 1, packed))
                .build();
    }

    /**
     * {@link #amdWithGop()} with {@code count} bytes flipped inside the compressed EFI payload, as a
     * GPU-Z dump differs from the flasher's dump of the same chip. The x86 image stays intact.
     */
    public static byte[] amdDamagedGop(int count) {
        byte[] rom = amdWithGop();
        int efi = 16 * 512;
        int payload = efi + 0x50;
        int room = rom.length - payload - 16;
        for (int i = 0; i < count; i++) {
            rom[payload + 16 + (int) ((i * 37L) % room)] ^= (byte) 0xA5;
        }
        return rom;
    }

    /** x86 image with the card's IDs, then an NVIDIA GOP image whose PCIR says 0000:0000 (Turing mobile, Ampere). */
    public static byte[] gopWithZeroIds() {
        return new OptionRomBuilder()
                .add(NvidiaSample.x86(16, null))
                .add(RomImageEdit.of(NvidiaSample.efiGop(0)).ids(0, 0).spec())
                .build();
    }
}
