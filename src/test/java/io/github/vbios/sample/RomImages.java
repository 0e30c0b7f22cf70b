package io.github.vbios.sample;

import java.util.Random;

/**
 * Single option-ROM images for synthetic dumps (rom-format.md 1.1-1.7), as {@link RomImageSpec}s
 * for {@link OptionRomBuilder}, which writes their headers, data structures, NPDEs and checksums:
 * x86 images with NVIDIA's or a generic header, EFI images, NVIDIA private (E0 / NBSI) images. Not
 * executable; what this class adds is a body shaped like the corpus ROMs' (code bytes from 0x100,
 * 0xFF fill to the end), so every walker and checksum rule has something real to chew on.
 * {@link NvidiaDumpBuilder} puts them together.
 */
public final class RomImages {
    /** Where the data structure sits in every built image (a 4-aligned pointer, rom-format.md 1.1). */
    static final int PCIR_AT = 0x80;
    /** Where the body (code bytes, then 0xFF fill) starts, behind the data structure and NPDE. */
    static final int BODY_AT = 0x100;

    private RomImages() {
    }

    /**
     * An NVIDIA x86 image: {@link NvidiaSample}'s header, code bytes, 0xFF padding and the image's
     * checksum in its last byte (where NVIDIA's tools keep it, 1.10). Not last in the chain.
     *
     * @param nvidiaBlocks physical size and NPDE sub-image length
     * @param pcirBlocks PCIR image length (larger than nvidiaBlocks in layout B)
     * @param byte2Blocks header byte 2 (SeaBIOS range)
     */
    public static RomImageSpec nvidiaX86(int device, int nvidiaBlocks, int pcirBlocks, int byte2Blocks) {
        RomImageSpec x = NvidiaSample.x86Header(device, nvidiaBlocks).indicator(0).npdeLast(0);
        body(x, 0x1800, device);
        // Pascal's layout-B x86 NPDE carries 0x0B (checksum-disabled bit among them), layout A's 0x01
        return RomImageEdit.of(x).pcirLengthBlocks(pcirBlocks).byte2(byte2Blocks)
                .npdeFlags(pcirBlocks > nvidiaBlocks ? 0x0B : 0x01).spec();
    }

    /** A generic (non-NVIDIA) x86 image: byte 2 = PCIR length, checksum fixed in byte 6 like QEMU/iPXE. */
    public static byte[] genericX86(int vendor, int device, int blocks, boolean last) {
        RomImageSpec x = OptionRomBuilder.x86(vendor, device).sizeBlocks(blocks).indicator(last ? 0x80 : 0)
                .put(3, new byte[] {(byte) 0xE9}).putAscii(0x1E, "IBM");
        body(x, Math.min(0x1000, blocks * 512 - 0x200), vendor ^ device);
        byte[] b = new OptionRomBuilder().add(RomImageEdit.of(x).fixChecksum(false).spec()).build();
        int sum = 0;
        for (byte v : b) {
            sum += v;
        }
        b[6] = (byte) -sum;
        return b;
    }

    /**
     * An EFI image (1.3): a real (tiny) PE32+ X64 boot-service driver, uncompressed, at 0x100, then
     * 0xFF; PCIR at 0x80 like the other images. An EFI image that does not decode would be a damaged
     * dump (issue 15). The caller adds the NPDE (1.0/0x10 with the GOP version on NVIDIA's).
     */
    public static RomImageSpec efi(int vendor, int device, int blocks, boolean pcirLast) {
        int size = blocks * 512;
        byte[] pe = PeSample.pe32Plus(0x8664, 0x0B, Math.min(0x1000, size - BODY_AT), null);
        RomImageSpec e = OptionRomBuilder.efi(vendor, device, 0x8664, 0, pe).sizeBlocks(blocks)
                .indicator(pcirLast ? 0x80 : 0);
        int end = BODY_AT + pe.length;
        if (end < size) {
            e.put(end, OptionRomBuilder.filled(size - end, 0xFF));
        }
        return RomImageEdit.of(e).pcirPointer(PCIR_AT).efiImageOffset(BODY_AT).spec();
    }

    /**
     * An NVIDIA private image (1.5, 1.7): VN + NPDS, code type 0xE0 or 0x70 (whose device ID is 0),
     * byte 2 zero, an NPDE 1.1 (not last) when asked; sealed like x86.
     */
    public static RomImageSpec nvidiaPrivate(int romDevice, int codeType, int blocks, boolean indicatorLast,
                                             boolean npde) {
        RomImageSpec p = OptionRomBuilder.nvidiaPrivate(codeType == 0x70 ? 0 : romDevice, codeType).sizeBlocks(blocks)
                .indicator(indicatorLast ? 0x80 : 0);
        if (npde) {
            p.npde(0x0101, 0x14).npdeLast(0);
        }
        body(p, Math.min(0x1000, blocks * 512 - 0x200), romDevice + codeType);
        return RomImageEdit.of(p).byte2(0).spec();
    }

    /** Code bytes from {@link #BODY_AT}, then 0xFF to the end of the image (the builder writes the last byte). */
    private static void body(RomImageSpec s, int codeLength, long seed) {
        byte[] body = OptionRomBuilder.filled(s.sizeBlocks * 512 - BODY_AT, 0xFF);
        code(body, 0, codeLength, seed);
        s.put(BODY_AT, body);
    }

    /** Deterministic "code" bytes (no FF/00 runs) so fill detection has real data to tell apart; never the last byte. */
    static void code(byte[] b, int from, int length, long seed) {
        Random r = new Random(seed);
        int end = Math.min(b.length - 1, from + length);
        for (int i = from; i < end; i++) {
            b[i] = (byte) (1 + r.nextInt(0xFD));
        }
    }
}
