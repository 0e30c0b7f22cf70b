package io.github.vbios.sample;

import io.github.vbios.codec.Lzma;
import io.github.vbios.firmware.uefi.Guid;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Builds synthetic UEFI firmware (firmware.md 2.3, 2.5-2.8): sections, FFS files, volumes, an
 * LZMA-compressed nested volume, the option ROMs inside them and the descriptor image around
 * them: what {@code vbios demo}'s laptop image needs. The other section encodings (EFI/Tiano,
 * Brotli, LZMA-F86) and the vendor wrappers are test sources, so the jar carries no encoder that
 * only tests use.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class FirmwareBuilder {
    public static final String NVIDIA_FILE = "2D673E5A-55DB-43B4-B713-AAECE4AC8194";
    public static final String INTEL_FILE = "8DFAE5D4-B50E-4C10-96E6-F2C266CACBB6";
    public static final String DXE_FILE = "4A538818-5AE0-4EB2-B2EB-488B23657022";

    private FirmwareBuilder() {
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---- sections (firmware.md 2.7) ----

    /** A section with a common header; sizes over 16 MiB get the FFSv3 extended header. */
    public static byte[] section(int type, byte[] body) {
        int size = body.length + 4;
        if (size < 0xFFFFFF) {
            return concat(new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) type}, body);
        }
        return concat(le(8).put((byte) 0xFF).put((byte) 0xFF).put((byte) 0xFF).put((byte) type)
                .putInt(body.length + 8).array(), body);
    }

    /** Section stream: each section 4-byte aligned relative to the stream start. */
    public static byte[] sections(byte[]... secs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] s : secs) {
            while (out.size() % 4 != 0) {
                out.write(0);
            }
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    public static byte[] rawSection(byte[] data) {
        return section(0x19, data);
    }

    public static byte[] fvImageSection(byte[] volume) {
        return section(0x17, volume);
    }

    /**
     * EFI_SECTION_COMPRESSION: u32 UncompressedLength, u8 CompressionType (0 none, 1 EFI/Tiano,
     * 2 LZMA), then {@code data} as already encoded.
     */
    public static byte[] compressionSection(int uncompressedLength, int type, byte[] data) {
        return section(0x01, concat(le(5).putInt(uncompressedLength).put((byte) type).array(), data));
    }

    /** A compression section of type 2 (LZMA), how the demo's laptop image packs its nested volume. */
    public static byte[] lzmaCompressionSection(byte[] payload) {
        return compressionSection(payload.length, 2, Lzma.compress(payload));
    }

    /** EFI_GUID_DEFINED_SECTION with DataOffset right after the header plus {@code extra} bytes. */
    public static byte[] guidedSection(String guid, int attributes, byte[] extra, byte[] data) {
        int dataOffset = 4 + 20 + extra.length;
        return section(0x02, concat(Guid.bytes(guid),
                le(4).putShort((short) dataOffset).putShort((short) attributes).array(), extra, data));
    }

    /** CRC32 GUID-defined section around a section stream (how the LG image wraps its ROMs). */
    public static byte[] crc32Section(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return guidedSection(Guid.CRC32, 0x02, le(4).putInt((int) crc.getValue()).array(), payload);
    }

    // ---- files (firmware.md 2.6) ----

    /** An FFS file with a valid header checksum, fixed data checksum 0xAA and state 0xF8. */
    public static byte[] ffsFile(String guid, int type, byte[] body) {
        int size = body.length + 0x18;
        if (size > 0xFFFFFF) {
            return largeFile(guid, type, body);
        }
        byte[] h = le(0x18).put(Guid.bytes(guid)).put((byte) 0).put((byte) 0xAA).put((byte) type).put((byte) 0)
                .put((byte) size).put((byte) (size >> 8)).put((byte) (size >> 16)).put((byte) 0xF8).array();
        h[0x10] = headerChecksum(h);
        return concat(h, body);
    }

    /** An FFSv3 large file (attribute 0x01, u64 ExtendedSize, 32-byte header); only valid in FFSv3 volumes. */
    public static byte[] largeFile(String guid, int type, byte[] body) {
        byte[] h = le(0x20).put(Guid.bytes(guid)).put((byte) 0).put((byte) 0xAA).put((byte) type).put((byte) 0x01)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0xF8).putLong(body.length + 0x20L).array();
        h[0x10] = headerChecksum(h);
        return concat(h, body);
    }

    private static byte headerChecksum(byte[] h) {
        int sum = 0;
        for (int i = 0; i < h.length; i++) {
            if (i != 0x10 && i != 0x11 && i != 0x17) {
                sum += h[i];
            }
        }
        return (byte) (0x100 - (sum & 0xFF));
    }

    // ---- volumes (firmware.md 2.5) ----

    public static byte[] volume(byte[]... files) {
        return volume(Guid.FFS_V2, null, files);
    }

    /**
     * A revision-2 volume (erase polarity 1), files 8-byte aligned, length rounded up to 4 KiB;
     * with {@code fvName} it carries an extended header.
     */
    public static byte[] volume(String fileSystem, String fvName, byte[]... files) {
        int body = fvName == null ? 0x48 : 0x60;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] f : files) {
            while (content.size() % 8 != 0) {
                content.write(0xFF);
            }
            content.writeBytes(f);
        }
        int length = (body + content.size() + 0xFFF) & ~0xFFF;
        byte[] fv = new byte[length];
        Arrays.fill(fv, (byte) 0xFF);
        ByteBuffer h = ByteBuffer.wrap(fv).order(ByteOrder.LITTLE_ENDIAN);
        h.position(0);
        h.put(new byte[16]).put(Guid.bytes(fileSystem)).putLong(length).put("_FVH".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x0004FEFF).putShort((short) 0x48).putShort((short) 0)
                .putShort((short) (fvName == null ? 0 : 0x48)).put((byte) 0).put((byte) 2)
                .putInt(length / 0x1000).putInt(0x1000).putInt(0).putInt(0);
        if (fvName != null) {
            h.put(Guid.bytes(fvName)).putInt(0x14);
        }
        int sum = 0;
        for (int i = 0; i < 0x48; i += 2) {
            sum += h.getShort(i) & 0xFFFF;
        }
        h.putShort(0x32, (short) (0x10000 - (sum & 0xFFFF)));
        System.arraycopy(content.toByteArray(), 0, fv, body, content.size());
        return fv;
    }

    // ---- option ROMs (firmware.md 1.1) ----

    /**
     * A legacy x86 PCI option ROM of {@code length} bytes (a multiple of 512) with a PCIR
     * structure, filler derived from the IDs (so different IDs hash differently) and a valid
     * checksum. Class {@code 0x030000} adds the "IBM VGA Compatible" marker.
     */
    public static byte[] optionRom(int vendor, int device, int classCode, int length) {
        byte[] r = new byte[length];
        long seed = ((long) vendor << 32) ^ ((long) device << 8) ^ classCode;
        for (int i = 0x60; i < length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            r[i] = (byte) (seed >>> 56);
        }
        ByteBuffer b = ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0x55).put(1, (byte) 0xAA).put(2, (byte) (length / 512)).put(3, (byte) 0xEB).put(4, (byte) 0x4B);
        b.putShort(0x18, (short) 0x40);
        if (classCode >> 16 == 0x03) {
            byte[] vga = "IBM VGA Compatible".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(vga, 0, r, 0x1E, vga.length);
        }
        b.position(0x40);
        b.put("PCIR".getBytes(StandardCharsets.US_ASCII)).putShort((short) vendor).putShort((short) device)
                .putShort((short) 0).putShort((short) 0x18).put((byte) 0)
                .put((byte) classCode).put((byte) (classCode >> 8)).put((byte) (classCode >> 16))
                .putShort((short) (length / 512)).putShort((short) 1).put((byte) 0).put((byte) 0x80).putShort((short) 0);
        int sum = 0;
        for (int i = 0; i < length - 1; i++) {
            sum += r[i];
        }
        r[length - 1] = (byte) -sum;
        return r;
    }

    /** A freeform file holding {@code rom} behind a CRC32 section and a raw section (the LG R510 layout). */
    public static byte[] romFile(String guid, byte[] rom) {
        return ffsFile(guid, 0x02, sections(crc32Section(sections(rawSection(rom)))));
    }

    // ---- flash layout (firmware.md 2.3) ----

    /**
     * A descriptor-mode SPI image: 4 KiB descriptor (v1: 20 MHz read clock), an ME region of
     * {@code meSize} bytes filled with 0x5A, then the BIOS region holding {@code bios} at its end
     * (as on real flash, where the BIOS region ends at the top of the chip).
     */
    public static byte[] descriptorImage(byte[] bios, int meSize) {
        int biosSize = (bios.length + 0xFFF) & ~0xFFF;
        int total = 0x1000 + meSize + biosSize;
        byte[] img = new byte[total];
        Arrays.fill(img, (byte) 0xFF);
        ByteBuffer b = le(0x1000);
        b.put(new byte[16]).putInt(0x0FF0A55A).putInt(0x00040003).putInt(0x00000006);
        b.putInt(0x30, 0); // component: read clock 20 MHz -> descriptor v1
        int regions = 0x40;
        for (int i = 0; i < 16; i++) {
            b.putInt(regions + 4 * i, 0x00007FFF); // absent: limit 0
        }
        b.putShort(regions, (short) 0).putShort(regions + 2, (short) 0);
        int meBase = 1;
        int meLimit = meBase + meSize / 0x1000 - 1;
        int biosBase = meLimit + 1;
        b.putShort(regions + 4, (short) biosBase).putShort(regions + 6, (short) (biosBase + biosSize / 0x1000 - 1));
        b.putShort(regions + 8, (short) meBase).putShort(regions + 10, (short) meLimit);
        System.arraycopy(b.array(), 0x10, img, 0x10, 0x1000 - 0x10);
        Arrays.fill(img, 0x1000, 0x1000 + meSize, (byte) 0x5A);
        System.arraycopy(bios, 0, img, total - bios.length, bios.length);
        return img;
    }
}
