package io.github.vbios.sample;

import java.util.Arrays;

/**
 * Small PCI option ROMs for the sample hosts' {@code rom} attributes (rom-format.md 1.1-1.3): an
 * x86 image, optionally followed by an EFI image header, with valid checksums, written by
 * {@link OptionRomBuilder}. Not bootable; enough for the walkers.
 */
public final class SampleOptionRoms {
    /** Where these small images keep their PCIR (the demo's images use 0x80). */
    private static final int PCIR_AT = 0x20;

    private SampleOptionRoms() {
    }

    /** x86 image (32 KiB) + EFI image (8 KiB): what a healthy card's ROM BAR shows. */
    public static byte[] withEfi(int vendor, int device) {
        return new OptionRomBuilder().add(x86(vendor, device)).add(efiHeaderOnly(vendor, device)).build();
    }

    /**
     * What the boot GPU's sysfs {@code rom} often returns: the copy the system firmware shadowed at
     * 0xC0000, legacy image only, initialisation code having shrunk the size byte and left the
     * checksum wrong.
     */
    public static byte[] shadowedLegacy(int vendor, int device) {
        byte[] x86 = new OptionRomBuilder().add(x86(vendor, device)).build();
        x86[2] = 48;
        x86[0x100] ^= 0x5A;
        return Arrays.copyOf(x86, 48 * 512);
    }

    private static RomImageSpec x86(int vendor, int device) {
        RomImageSpec x = OptionRomBuilder.x86(vendor, device).sizeBlocks(64).putAscii(0x40, "IBM VGA Compatible");
        return RomImageEdit.of(x).pcirPointer(PCIR_AT).spec();
    }

    /** EFI header (rom-format.md 1.2) with no payload: boot-service driver, x64, uncompressed, image at 0x40. */
    private static RomImageSpec efiHeaderOnly(int vendor, int device) {
        RomImageSpec e = OptionRomBuilder.efi(vendor, device, 0x8664, 0, new byte[0]).sizeBlocks(16);
        return RomImageEdit.of(e).pcirPointer(PCIR_AT).efiImageOffset(0x40).spec();
    }
}
