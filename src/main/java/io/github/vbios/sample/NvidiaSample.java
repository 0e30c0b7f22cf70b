package io.github.vbios.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NVIDIA-like images for the demo (and the tests): an x86 image with the NVIDIA header extras
 * (rom-format.md 1.2), an NPDE and a BIT with tokens B, i and S (1.11); an EFI image with an
 * EFI-1.1-compressed PE32+ "GOP"; private E0 and NBSI images.
 */
public final class NvidiaSample {
    public static final int DEVICE = 0x1fb9;
    public static final int ROM_DEVICE = 0x1f80;
    public static final String VERSION = "90.17.0E.00.04";
    public static final String DATE = "12/05/18";
    public static final String HEADER_DATE = "12/06/18";
    public static final String SIGN_ON = "VBIOS DEMO P0000 SKU 0001 VGA BIOS";
    public static final String VERSION_STRING = "Version 90.17.0E.00.04";
    public static final long GOP_VERSION = 0x0005000BL;
    /** The resource holding {@link #compressedGop()}. */
    static final String COMPRESSED_GOP = "nvgop-demo.efi11";
    static final int BIT = 0x100;
    static final int STRINGS = 0x200;

    private NvidiaSample() {
    }

    /**
     * The x86 image. When {@code stringsInE0} is non-null, the 'S' strings are written into that
     * image at 0x100 and the pointers are past the x86 image, so they only resolve after rebasing.
     */
    public static RomImageSpec x86(int sizeBlocks, RomImageSpec stringsInE0) {
        RomImageSpec x = x86Header(DEVICE, sizeBlocks);
        x.put(BIT, bitHeader(3));
        x.put(BIT + 12, token('B', 2, 0x21, 0x140));
        x.put(BIT + 18, token('i', 2, 0x44, 0x160));
        x.put(BIT + 24, token('S', 2, 24, 0x1A0));
        x.put(0x140, versionBytes(VERSION));
        byte[] info = new byte[0x20];
        System.arraycopy(versionBytes(VERSION), 0, info, 0, 5);
        System.arraycopy(DATE.getBytes(StandardCharsets.US_ASCII), 0, info, 0x0F, 8);
        x.put(0x160, info);
        int base = stringsInE0 == null ? STRINGS : sizeBlocks * 512 + 0x100;
        String[] strings = {SIGN_ON + "\r\n", VERSION_STRING, "Copyright (C) vbios demo", "NVIDIA", "vbios",
            "Demo Board", "Chip Rev", "BIOS Certificate Check Failed"};
        ByteBuffer table = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (String s : strings) {
            table.putShort((short) (base + text.size())).put((byte) (s.length() + 1));
            text.writeBytes((s + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        x.put(0x1A0, table.array());
        (stringsInE0 == null ? x : stringsInE0).put(stringsInE0 == null ? STRINGS : 0x100, text.toByteArray());
        return x;
    }

    /**
     * An NVIDIA x86 image's header (rom-format.md 1.2): the jump, "K7400"/"VIDEO" tags, "IBM VGA
     * Compatible", the header date and "PMID", PCIR and an NPDE 1.1 over the whole image. The
     * test-side dump builder starts its x86 images here too, so both describe one header.
     */
    static RomImageSpec x86Header(int device, int sizeBlocks) {
        return OptionRomBuilder.x86(0x10de, device).sizeBlocks(sizeBlocks).npde(0x0101, 0x14)
                .put(3, new byte[] {(byte) 0xEB, 0x4B}).putAscii(4, "K7400").putAscii(0x0E, "VIDEO")
                .putAscii(0x1E, "IBM VGA Compatible").putAscii(0x38, HEADER_DATE).putAscii(0x54, "PMID");
    }

    private static byte[] bitHeader(int tokens) {
        byte[] h = {(byte) 0xFF, (byte) 0xB8, 'B', 'I', 'T', 0, 0x00, 0x01, 12, 6, (byte) tokens, 0};
        int sum = 0;
        for (byte b : h) {
            sum += b;
        }
        h[11] = (byte) -sum;
        return h;
    }

    private static byte[] token(char id, int version, int size, int pointer) {
        return new byte[] {(byte) id, (byte) version, (byte) size, (byte) (size >> 8), (byte) pointer, (byte) (pointer >> 8)};
    }

    /** "ww.xx.yy.zz.oo" as BIT bytes [3],[2],[1],[0],[4] (rom-format.md 1.11). */
    static byte[] versionBytes(String version) {
        String[] p = version.split("\\.", -1);
        return new byte[] {hex(p[3]), hex(p[2]), hex(p[1]), hex(p[0]), hex(p[4])};
    }

    private static byte hex(String s) {
        return (byte) Integer.parseInt(s, 16);
    }

    /** The demo GOP: a PE32+ X64 boot-service driver carrying the UTF-16 name "nvgop-demo". */
    public static byte[] gopImage() {
        return PeSample.pe32Plus(0x8664, 11, 0x6000, "nvgop-demo");
    }

    /**
     * {@link #gopImage()} in EFI 1.1 compression, as real NVIDIA GOPs ship. The jar carries no EFI
     * encoder (only tests need one), so the stream is a resource; {@code NvidiaSampleTest} checks it
     * is the test-side encoder's output for {@link #gopImage()} and decodes back to it.
     */
    public static byte[] compressedGop() {
        try (InputStream in = NvidiaSample.class.getResourceAsStream(COMPRESSED_GOP)) {
            if (in == null) {
                throw new IllegalStateException("resource " + COMPRESSED_GOP + " missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An EFI image holding {@link #compressedGop()} (CompressionType 1), NPDE 1.0/0x10 with the GOP version. */
    public static RomImageSpec efiGop(int device) {
        return OptionRomBuilder.efi(0x10de, device, 0x8664, 1, compressedGop()).npde(0x0100, 0x10).npdeExtra(GOP_VERSION);
    }

    /**
     * Layout A (rom-format.md 1.9.4): x86, EFI (PCIR last, NPDE "more"), E0, NBSI (last).
     * The 'S' strings sit in the E0 image, so reading them exercises BIT pointer rebasing.
     */
    public static byte[] layoutA() {
        RomImageSpec e0 = OptionRomBuilder.nvidiaPrivate(ROM_DEVICE, 0xE0).sizeBlocks(8).npde(0x0101, 0x14);
        return new OptionRomBuilder()
                .add(x86(16, e0))
                .add(efiGop(DEVICE).indicator(0x80).npdeLast(0))
                .add(e0)
                .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(2))
                .build();
    }

    /** The demo's full-flash dump: layout A inside an NVGI v3 container, 0xFF tail. */
    public static byte[] flashDump() {
        return NvidiaContainerBuilder.nvgiV3(layoutA(), 0x2000);
    }
}
