package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds synthetic PCI option ROM chains (rom-format.md 1.1-1.7): the one writer of image headers,
 * PCIR/NPDS, NPDE and checksums, for the demo and every test-side ROM builder. Images are
 * concatenated by their physical size; PCIR/NPDE lengths, indicators and checksums follow the
 * image specs, so lying fields can be built on purpose.
 */
public final class OptionRomBuilder {
    private final List<RomImageSpec> images = new ArrayList<>();

    public static RomImageSpec x86(int vendorId, int deviceId) {
        return new RomImageSpec(0x00, vendorId, deviceId);
    }

    /** An EFI image; the payload is written as given (compress it first for CompressionType 1). */
    public static RomImageSpec efi(int vendorId, int deviceId, int machine, int compression, byte[] payload) {
        RomImageSpec s = new RomImageSpec(0x03, vendorId, deviceId).efi(machine, 0x0B, compression, payload);
        int bytes = s.efiImageOffset + payload.length;
        return s.sizeBlocks((bytes + 511) / 512);
    }

    /** An NVIDIA private image: VN / NPDS, class 000000 (rom-format.md 1.5). */
    public static RomImageSpec nvidiaPrivate(int deviceId, int codeType) {
        return new RomImageSpec(codeType, 0x10DE, deviceId).signature(0x4E56).dataStructure("NPDS").classCode(0);
    }

    public OptionRomBuilder add(RomImageSpec image) {
        images.add(image);
        return this;
    }

    public byte[] build() {
        int total = images.stream().mapToInt(i -> i.sizeBlocks * 512).sum();
        byte[] out = new byte[total];
        int off = 0;
        for (int k = 0; k < images.size(); k++) {
            RomImageSpec s = images.get(k);
            byte[] img = image(s, k == images.size() - 1);
            System.arraycopy(img, 0, out, off, img.length);
            off += img.length;
        }
        return out;
    }

    static byte[] image(RomImageSpec s, boolean lastInBuilder) {
        byte[] b = new byte[s.sizeBlocks * 512];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(0, (short) s.signature);
        int pcirBlocks = s.pcirLengthBlocks != null ? s.pcirLengthBlocks : s.sizeBlocks;
        if (s.efiMachine != null) {
            efiHeader(bb, s, pcirBlocks);
        } else {
            b[2] = (byte) (s.byte2 != null ? s.byte2 : Math.min(255, s.sizeBlocks));
        }
        bb.putShort(0x18, (short) s.pcirPointer);
        for (Object[] p : s.puts) {
            byte[] data = (byte[]) p[1];
            System.arraycopy(data, 0, b, (Integer) p[0], data.length);
        }
        if (s.pcirPointer + 0x18 <= b.length) {
            pcir(bb, s, pcirBlocks, lastInBuilder);
        }
        if (s.fixChecksum) {
            int sum = 0;
            for (int i = 0; i < b.length - 1; i++) {
                sum += b[i];
            }
            b[b.length - 1] = (byte) -sum;
        }
        return b;
    }

    private static void efiHeader(ByteBuffer bb, RomImageSpec s, int pcirBlocks) {
        bb.putShort(2, (short) pcirBlocks);
        bb.putInt(4, 0x0EF1);
        bb.putShort(8, (short) s.efiSubsystem);
        bb.putShort(0x0A, s.efiMachine.shortValue());
        bb.putShort(0x0C, (short) s.efiCompression);
        bb.putShort(0x16, (short) s.efiImageOffset);
        byte[] payload = s.efiPayload;
        int room = Math.max(0, bb.capacity() - s.efiImageOffset);
        bb.put(s.efiImageOffset, payload, 0, Math.min(room, payload.length));
    }

    private static void pcir(ByteBuffer bb, RomImageSpec s, int pcirBlocks, boolean last) {
        int p = s.pcirPointer;
        bb.put(p, s.dataStructure.getBytes(StandardCharsets.US_ASCII), 0, 4);
        bb.putShort(p + 4, (short) s.vendorId);
        bb.putShort(p + 6, (short) s.deviceId);
        bb.putShort(p + 0x0A, (short) s.pcirStructLength);
        bb.put(p + 0x0C, (byte) s.pcirRevision);
        bb.put(p + 0x0D, (byte) s.classCode);
        bb.put(p + 0x0E, (byte) (s.classCode >> 8));
        bb.put(p + 0x0F, (byte) (s.classCode >> 16));
        bb.putShort(p + 0x10, (short) pcirBlocks);
        bb.put(p + 0x14, (byte) s.codeType);
        bb.put(p + 0x15, (byte) (s.indicator != null ? s.indicator : last ? 0x80 : 0));
        if (s.npde) {
            int n = (p + s.pcirStructLength + 15) & ~15;
            if (n + s.npdeLength <= bb.capacity() && n + 0x0C <= bb.capacity()) {
                bb.put(n, "NPDE".getBytes(StandardCharsets.US_ASCII), 0, 4);
                bb.putShort(n + 4, (short) s.npdeRevision);
                bb.putShort(n + 6, (short) s.npdeLength);
                bb.putShort(n + 8, (short) (s.npdeSubBlocks != null ? s.npdeSubBlocks : s.sizeBlocks));
                bb.put(n + 0x0A, (byte) (s.npdeLast != null ? s.npdeLast : last ? 0x80 : 0));
                bb.put(n + 0x0B, (byte) s.npdeFlags);
                if (s.npdeLength >= 0x10) {
                    bb.putInt(n + 0x0C, (int) s.npdeExtra);
                }
            }
        }
    }

    public static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
