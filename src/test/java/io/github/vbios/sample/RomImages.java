package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Single option-ROM images for synthetic dumps (rom-format.md 1.1-1.7): x86 images with NVIDIA's
 * or a generic header, EFI images, NVIDIA private (E0 / NBSI) images. Not executable; the bytes
 * are shaped like the corpus ROMs so every walker and checksum rule has something real to chew on.
 * {@link NvidiaDumpBuilder} puts them together.
 */
public final class RomImages {
    /** Where the data structure sits in every built image (a 4-aligned pointer, rom-format.md 1.1). */
    static final int PCIR_AT = 0x80;

    private RomImages() {
    }

    /** An NPDE to append after the data structure (rom-format.md 1.6); null fields mean "absent". */
    public record NpdeSpec(int revision, int length, int subImageBlocks, boolean last, int flags, long extra) {
        public static NpdeSpec of(int subImageBlocks, boolean last) {
            return new NpdeSpec(0x0101, 0x14, subImageBlocks, last, 0, 0);
        }
    }

    /** How one image looks: signature (55 AA or VN), data structure (PCIR/NPDS), IDs, lengths. */
    public record ImageSpec(boolean vnSignature, String dataStructure, int vendor, int device, int classCode,
                            int codeType, int pcirBlocks, boolean pcirLast, NpdeSpec npde, int sizeBlocks) {
    }

    /**
     * An NVIDIA x86 image: "K7400"/"VIDEO" tags, "IBM VGA Compatible", a date, PCIR + NPDE, code bytes,
     * 0xFF padding and the image's checksum in its last byte (where NVIDIA's tools keep it, 1.10).
     *
     * @param nvidiaBlocks NPDE sub-image length: the bytes this method returns
     * @param pcirBlocks PCIR image length (larger than nvidiaBlocks in layout B)
     * @param byte2Blocks header byte 2 (SeaBIOS range)
     */
    public static byte[] nvidiaX86(int device, int nvidiaBlocks, int pcirBlocks, int byte2Blocks, boolean pcirLast,
                                   boolean npdeLast) {
        ImageSpec s = new ImageSpec(false, "PCIR", 0x10DE, device, 0x030000, 0x00, pcirBlocks, pcirLast,
                new NpdeSpec(0x0101, 0x14, nvidiaBlocks, npdeLast, pcirBlocks > nvidiaBlocks ? 0x0B : 0x01, 0),
                nvidiaBlocks);
        ByteBuffer b = image(s);
        b.put(2, (byte) byte2Blocks).put(3, (byte) 0xEB);
        ascii(b, 4, "K7400");
        ascii(b, 0x0E, "VIDEO");
        ascii(b, 0x1E, "IBM VGA Compatible");
        ascii(b, 0x38, "03/18/25");
        ascii(b, 0x54, "PMID");
        code(b, 0x100, 0x1800, device);
        return sealed(b);
    }

    /** A generic (non-NVIDIA) x86 image: byte 2 = PCIR length, checksum fixed in byte 6 like QEMU/iPXE. */
    public static byte[] genericX86(int vendor, int device, int blocks, boolean last) {
        ImageSpec s = new ImageSpec(false, "PCIR", vendor, device, 0x030000, 0x00, blocks, last, null, blocks);
        ByteBuffer b = image(s);
        b.put(2, (byte) blocks).put(3, (byte) 0xE9);
        ascii(b, 0x1E, "IBM");
        code(b, 0x100, Math.min(0x1000, blocks * 512 - 0x200), vendor ^ device);
        b.put(6, (byte) 0);
        b.put(6, (byte) -sum(b.array(), 0, blocks * 512));
        return b.array();
    }

    /** An EFI image (1.3): uncompressed, x64 boot-service driver; NPDE 1.0/0x10 carries the GOP version. */
    public static byte[] efi(int vendor, int device, int blocks, boolean pcirLast, NpdeSpec npde) {
        ImageSpec s = new ImageSpec(false, "PCIR", vendor, device, 0x030000, 0x03, blocks, pcirLast, npde, blocks);
        ByteBuffer b = image(s);
        b.putShort(2, (short) blocks).putInt(4, 0x0EF1).putShort(8, (short) 0x0B).putShort(0x0A, (short) 0x8664)
                .putShort(0x0C, (short) 0).putShort(0x16, (short) 0x100);
        // a real (tiny) PE32+ X64 driver: an EFI image that does not decode would be a damaged dump (issue 15)
        byte[] pe = PeSample.pe32Plus(0x8664, 0x0B, Math.min(0x1000, blocks * 512 - 0x100), null);
        b.put(0x100, pe, 0, Math.min(pe.length, blocks * 512 - 0x100));
        return b.array();
    }

    /** An NVIDIA private image (1.5, 1.7): VN + NPDS, code type 0xE0 or 0x70, ROM device ID; sealed like x86. */
    public static byte[] nvidiaPrivate(int romDevice, int codeType, int blocks, boolean indicatorLast, NpdeSpec npde) {
        ImageSpec s = new ImageSpec(true, "NPDS", 0x10DE, codeType == 0x70 ? 0 : romDevice, 0, codeType, blocks,
                indicatorLast, npde, blocks);
        ByteBuffer b = image(s);
        code(b, 0x100, Math.min(0x1000, blocks * 512 - 0x200), romDevice + codeType);
        return sealed(b);
    }

    /** The header fields every image shares: signature, data-structure pointer, PCIR/NPDS, NPDE. */
    static ByteBuffer image(ImageSpec s) {
        ByteBuffer b = ByteBuffer.allocate(s.sizeBlocks() * 512).order(ByteOrder.LITTLE_ENDIAN);
        Arrays.fill(b.array(), (byte) 0xFF);
        b.put(0, (byte) (s.vnSignature() ? 0x56 : 0x55)).put(1, (byte) (s.vnSignature() ? 0x4E : 0xAA));
        for (int i = 2; i < PCIR_AT; i++) {
            b.put(i, (byte) 0);
        }
        b.putShort(0x18, (short) PCIR_AT);
        ascii(b, PCIR_AT, s.dataStructure());
        b.putShort(PCIR_AT + 4, (short) s.vendor()).putShort(PCIR_AT + 6, (short) s.device())
                .putShort(PCIR_AT + 8, (short) 0).putShort(PCIR_AT + 0x0A, (short) 0x18).put(PCIR_AT + 0x0C, (byte) 0)
                .put(PCIR_AT + 0x0D, (byte) s.classCode()).put(PCIR_AT + 0x0E, (byte) (s.classCode() >> 8))
                .put(PCIR_AT + 0x0F, (byte) (s.classCode() >> 16)).putShort(PCIR_AT + 0x10, (short) s.pcirBlocks())
                .putShort(PCIR_AT + 0x12, (short) 1).put(PCIR_AT + 0x14, (byte) s.codeType())
                .put(PCIR_AT + 0x15, (byte) (s.pcirLast() ? 0x80 : 0)).putShort(PCIR_AT + 0x16, (short) 0);
        NpdeSpec n = s.npde();
        if (n != null) {
            int at = (PCIR_AT + 0x18 + 15) & ~15;
            ascii(b, at, "NPDE");
            b.putShort(at + 4, (short) n.revision()).putShort(at + 6, (short) n.length())
                    .putShort(at + 8, (short) n.subImageBlocks()).put(at + 0x0A, (byte) (n.last() ? 0x80 : 0))
                    .put(at + 0x0B, (byte) n.flags());
            if (n.length() >= 0x10) {
                b.putInt(at + 0x0C, (int) n.extra());
            }
            if (n.length() >= 0x14) {
                b.putInt(at + 0x10, 0);
            }
        }
        return b;
    }

    /** Deterministic "code" bytes (no FF/00 runs) so fill detection has real data to tell apart. */
    static void code(ByteBuffer b, int from, int length, long seed) {
        Random r = new Random(seed);
        int end = Math.min(b.capacity() - 1, from + length);
        for (int i = from; i < end; i++) {
            b.put(i, (byte) (1 + r.nextInt(0xFD)));
        }
    }

    /** Makes the whole image sum to 0 with its last byte (NVIDIA's convention, rom-format.md 1.10). */
    static byte[] sealed(ByteBuffer b) {
        byte[] a = b.array();
        a[a.length - 1] = 0;
        a[a.length - 1] = (byte) -sum(a, 0, a.length);
        return a;
    }

    static int sum(byte[] a, int from, int length) {
        int s = 0;
        for (int i = from; i < from + length; i++) {
            s += a[i];
        }
        return s & 0xFF;
    }

    static void ascii(ByteBuffer b, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < t.length; i++) {
            b.put(at + i, t[i]);
        }
    }
}
