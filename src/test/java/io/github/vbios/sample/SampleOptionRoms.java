package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small PCI option ROMs for the sample hosts' {@code rom} attributes (rom-format.md 1.1-1.3): an
 * x86 image, optionally followed by an EFI image header, with valid checksums. Not bootable;
 * enough for the walkers.
 */
public final class SampleOptionRoms {
    private SampleOptionRoms() {
    }

    /** x86 image (32 KiB) + EFI image (8 KiB): what a healthy card's ROM BAR shows. */
    public static byte[] withEfi(int vendor, int device) {
        byte[] x86 = image(vendor, device, 0x00, 64, false);
        byte[] efi = image(vendor, device, 0x03, 16, true);
        ByteBuffer out = ByteBuffer.allocate(x86.length + efi.length);
        return out.put(x86).put(efi).array();
    }

    /**
     * What the boot GPU's sysfs {@code rom} often returns: the copy the system firmware shadowed at
     * 0xC0000, legacy image only, initialisation code having shrunk the size byte and left the
     * checksum wrong.
     */
    public static byte[] shadowedLegacy(int vendor, int device) {
        byte[] x86 = image(vendor, device, 0x00, 64, true);
        x86[2] = 48;
        x86[0x100] ^= 0x5A;
        return Arrays.copyOf(x86, 48 * 512);
    }

    private static byte[] image(int vendor, int device, int codeType, int blocks, boolean last) {
        ByteBuffer b = ByteBuffer.allocate(blocks * 512).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0x55).put(1, (byte) 0xAA).put(2, (byte) blocks);
        if (codeType == 0x03) {
            // EFI header (rom-format.md 1.2): signature 0x0EF1, boot-service driver, x64, uncompressed
            b.putShort(4, (short) 0x0EF1).putShort(8, (short) 0x0B).putShort(0x0A, (short) 0x8664)
                    .putShort(0x0C, (short) 0).putShort(0x16, (short) 0x40);
        }
        b.putShort(0x18, (short) 0x20);
        b.put(0x20, "PCIR".getBytes(StandardCharsets.US_ASCII));
        b.putShort(0x24, (short) vendor).putShort(0x26, (short) device).putShort(0x2A, (short) 0x18);
        b.put(0x2C, (byte) 0).put(0x2D, (byte) 0).put(0x2E, (byte) 0).put(0x2F, (byte) 0x03);
        b.putShort(0x30, (short) blocks).put(0x34, (byte) codeType).put(0x35, (byte) (last ? 0x80 : 0));
        if (codeType == 0x00) {
            b.put(0x40, "IBM VGA Compatible".getBytes(StandardCharsets.US_ASCII));
            int sum = 0;
            for (int i = 0; i < blocks * 512 - 1; i++) {
                sum += b.get(i);
            }
            b.put(blocks * 512 - 1, (byte) -sum);
        }
        return b.array();
    }
}
