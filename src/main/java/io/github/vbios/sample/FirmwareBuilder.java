package io.github.vbios.sample;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.codec.X86BcjFilter;
import io.github.vbios.firmware.uefi.Guid;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Builds synthetic UEFI firmware (firmware.md 2.5-2.8): sections, FFS files, volumes, nested
 * compressed volumes, and the option ROMs inside them. Used by the firmware room's tests and
 * by {@code vbios demo}; {@link FirmwareWrappers} adds capsules, descriptors and archives.
 */
public final class FirmwareBuilder {
    /** How a compression section (type 0x01) or GUID-defined section encodes its payload. */
    public enum Compression { NONE, EFI_1_1, TIANO, LZMA }

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

    public static byte[] uiSection(String name) {
        return section(0x15, (name + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    public static byte[] pe32Section(byte[] image) {
        return section(0x10, image);
    }

    public static byte[] freeformSection(String subtypeGuid, byte[] data) {
        return section(0x18, concat(Guid.bytes(subtypeGuid), data));
    }

    /** EFI_SECTION_COMPRESSION: u32 UncompressedLength, u8 type (0 none, 1 EFI/Tiano, 2 LZMA), data. */
    public static byte[] compressionSection(byte[] payload, Compression c) {
        int type = switch (c) {
            case NONE -> 0;
            case EFI_1_1, TIANO -> 1;
            case LZMA -> 2;
        };
        byte[] data = encode(payload, c);
        return section(0x01, concat(le(5).putInt(payload.length).put((byte) type).array(), data));
    }

    static byte[] encode(byte[] payload, Compression c) {
        return switch (c) {
            case NONE -> payload;
            case EFI_1_1 -> EfiCompressor.compress(payload, EfiCompressionVariant.EFI_1_1);
            case TIANO -> EfiCompressor.compress(payload, EfiCompressionVariant.TIANO);
            case LZMA -> Lzma.compress(payload);
        };
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

    public static byte[] lzmaSection(byte[] payload) {
        return guidedSection(Guid.LZMA, 0x01, new byte[0], Lzma.compress(payload));
    }

    public static byte[] lzmaF86Section(byte[] payload) {
        byte[] filtered = payload.clone();
        X86BcjFilter.encode(filtered, 0);
        return guidedSection(Guid.LZMA_F86, 0x01, new byte[0], Lzma.compress(filtered));
    }

    public static byte[] tianoGuidSection(byte[] payload) {
        return guidedSection(Guid.TIANO, 0x01, new byte[0], EfiCompressor.compress(payload, EfiCompressionVariant.TIANO));
    }

    public static byte[] brotliSection(byte[] payload) {
        return guidedSection(Guid.BROTLI, 0x01, new byte[0], brotliStored(payload));
    }

    /**
     * EDK2 Brotli payload {u64 decoded size, u64 scratch size, stream} whose stream is made of
     * uncompressed meta-blocks (RFC 7932 9.2): valid for any decoder; org.brotli has no encoder.
     */
    static byte[] brotliStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(16).putLong(data.length).putLong(0x10000).array());
        long bits = 0;
        int n = 0;
        // WBITS=16 is the single bit 0; each block: ISLAST 0, MNIBBLES 0 (4), MLEN-1 (16), ISUNCOMPRESSED 1.
        for (int off = 0; off < data.length; off += 0x10000) {
            int len = Math.min(0x10000, data.length - off);
            long header = ((long) (len - 1) << 3) | (1L << 19);
            int width = 20;
            if (off == 0) {
                header <<= 1;
                width++;
            }
            bits = header;
            n = width;
            while (n > 0) {
                out.write((int) (bits & 0xFF));
                bits >>>= 8;
                n -= 8;
            }
            out.write(data, off, len);
        }
        out.write(data.length == 0 ? 0x06 : 0x03); // (WBITS 0 if first) ISLAST 1, ISLASTEMPTY 1
        return out.toByteArray();
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

    /**
     * A small laptop-style image: descriptor, ME region, BIOS region with an FV whose DXE file
     * holds an LZMA-compressed nested FV; inside it an NVIDIA VBIOS (10de:1c8d), an Intel VBIOS
     * (8086:0406) and a network ROM (10ec:8168) in freeform files behind CRC32 sections, plus
     * Tiano, Brotli and LZMA-F86 sections. What {@code vbios demo} extracts from.
     */
    public static byte[] sampleImage() {
        byte[] inner = volume(
                romFile(NVIDIA_FILE, optionRom(0x10DE, 0x1C8D, 0x030000, 0xE000)),
                romFile(INTEL_FILE, optionRom(0x8086, 0x0406, 0x030000, 0x10000)),
                ffsFile("B6B2F6E4-4EE1-4BD9-8E5F-D4C0A6B1B3C1", 0x02,
                        sections(tianoGuidSection(sections(rawSection(optionRom(0x10EC, 0x8168, 0x020000, 0xB000)))))),
                ffsFile("D1A5A7C2-3C1E-4B6C-9D1B-2E7F0C1A5B11", 0x07,
                        sections(brotliSection(sections(uiSection("BrotliDriver"))), uiSection("Sample"))),
                ffsFile("E2B6B8D3-4D2F-4C7D-8E2C-3F801D2B6C22", 0x07,
                        sections(lzmaF86Section(sections(rawSection(new byte[256]))))));
        byte[] dxe = ffsFile(DXE_FILE, 0x05,
                sections(compressionSection(sections(fvImageSection(inner)), Compression.LZMA)));
        byte[] pei = ffsFile("1BA0062E-C779-4582-8566-336AE8F78F09", 0x01, new byte[64]);
        byte[] outer = volume(Guid.FFS_V2, "6D99E806-3D38-42C2-A095-5F4300BFD7DC", dxe, pei);
        return FirmwareWrappers.descriptorImage(outer, 0x3000);
    }
}
