package io.github.vbios.sample;

import io.github.vbios.firmware.uefi.Guid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * What vendors wrap firmware images in (firmware.md 2.2, 2.3, 3): capsules, zip/7z/gzip/xz
 * archives, Dell HDR sections and Windows registry exports.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class FirmwareWrappers {
    public static final String EFI_CAPSULE = "3B6686BD-0D76-4030-B70E-B5519E2FC5A0";
    public static final String FMP_CAPSULE = "6DCBD5ED-E82D-4C44-BDA1-7194199AD92A";
    public static final String AMI_CAPSULE = "14EEBB90-890A-43DB-AED1-5D3C4588A418";
    public static final String TOSHIBA_CAPSULE = "3BE07062-1D51-45D2-832B-F093257ED461";

    private FirmwareWrappers() {
    }

    /** EFI_CAPSULE_HEADER {GUID, HeaderSize 0x20, Flags, CapsuleImageSize} + body (EFI/FMP/Lenovo GUIDs). */
    public static byte[] capsule(String guid, byte[] body) {
        byte[] h = FirmwareBuilder.le(0x20).put(Guid.bytes(guid)).putInt(0x20).putInt(0x50000).putInt(0x20 + body.length)
                .array();
        return FirmwareBuilder.concat(h, body);
    }

    /** AMI Aptio capsule: EFI header + u16 RomImageOffset (0x400 here) + u16 RomLayoutOffset. */
    public static byte[] amiCapsule(byte[] body) {
        byte[] h = new byte[0x400];
        FirmwareBuilder.le(0x20).put(Guid.bytes(AMI_CAPSULE)).putInt(0x20).putInt(0).putInt(0x400 + body.length)
                .putShort((short) 0x400).putShort((short) 0x20).flip().get(h, 0, 0x20);
        return FirmwareBuilder.concat(h, body);
    }

    /** AMI's signed-capsule GUID (the header AFU checks before a secure flash). */
    public static final String AMI_SIGNED_CAPSULE = "4A3CA68B-7723-48FB-803D-578CC1FEC44D";
    /** The FFS file of AMI Aptio V secure-flash images that holds the signed-capsule header. */
    public static final String AMI_SECURE_FLASH_FILE = "414D94AD-998D-47D2-BFCD-4E882241DE32";
    /** Its freeform section's subtype GUID. */
    public static final String AMI_SECURE_FLASH_SECTION = "5A88641B-BBB9-4AA6-80F7-498AE407C31F";

    /**
     * The 4 KiB signed-capsule header alone, as Aptio V secure-flash images carry it: EFI header
     * with the AMI signed GUID, RomImageOffset 0x1000 and an image size covering an 8 MiB body that
     * is not there (the rest of the 4 KiB is the signature block, zeros here).
     */
    public static byte[] amiSignedCapsuleHeaderOnly() {
        byte[] h = new byte[0x1000];
        FirmwareBuilder.le(0x20).put(Guid.bytes(AMI_SIGNED_CAPSULE)).putInt(0x1000).putInt(0).putInt(0x1000 + (8 << 20))
                .putShort((short) 0x1000).putShort((short) 0x1000).flip().get(h, 0, 0x20);
        return h;
    }

    /** The FFS file that carries {@link #amiSignedCapsuleHeaderOnly()} in Aptio V images. */
    public static byte[] amiSecureFlashFile() {
        return FirmwareBuilder.ffsFile(AMI_SECURE_FLASH_FILE, 0x02, FirmwareBuilder.sections(
                FirmwareSamples.freeformSection(AMI_SECURE_FLASH_SECTION, amiSignedCapsuleHeaderOnly())));
    }

    /** Toshiba capsule: {GUID, HeaderSize, FullSize, Flags}. */
    public static byte[] toshibaCapsule(byte[] body) {
        byte[] h = FirmwareBuilder.le(0x20).put(Guid.bytes(TOSHIBA_CAPSULE)).putInt(0x20).putInt(0x20 + body.length)
                .putInt(0).array();
        return FirmwareBuilder.concat(h, body);
    }

    public static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] sevenZ(String name, byte[] content) {
        SeekableInMemoryByteChannel ch = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile z = new SevenZOutputFile(ch)) {
            SevenZArchiveEntry e = new SevenZArchiveEntry();
            e.setName(name);
            e.setSize(content.length);
            z.putArchiveEntry(e);
            z.write(content);
            z.closeArchiveEntry();
            z.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(ch.array(), (int) ch.size());
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xz(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream x = new XZOutputStream(out, new LZMA2Options(1))) {
            x.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A POSIX tar with one member. */
    public static byte[] tar(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            t.putArchiveEntry(e);
            t.write(content);
            t.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Dell ThinOS package section: 0x30-byte header {72 13 55 00, ..., u32 length at 0x10} + xz. */
    public static byte[] thinOsPkg(byte[] xz) {
        ByteBuffer h = FirmwareBuilder.le(0x30);
        h.put(new byte[] {0x72, 0x13, 0x55, 0x00}).putInt(0x10, xz.length);
        return FirmwareBuilder.concat(h.array(), xz);
    }

    /** zlib stream as {@link Deflater} writes it ({@code 78 9C}). */
    public static byte[] zlib(byte[] content) {
        Deflater d = new Deflater();
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /**
     * A Dell HDR section (firmware.md 3): [u32 zlib size][AA] EE AA 76 1B EC BB 20 F1 E6 51 [chk] zlib,
     * after a 0x27-byte {@code MZ} stub: Dell ships its updaters as Windows executables.
     */
    public static byte[] dellHdr(byte[] payload) {
        byte[] z = zlib(payload);
        byte[] mark = {(byte) 0xAA, (byte) 0xEE, (byte) 0xAA, 0x76, 0x1B, (byte) 0xEC, (byte) 0xBB, 0x20, (byte) 0xF1,
            (byte) 0xE6, 0x51, 0x00};
        byte[] stub = Arrays.copyOf("MZ".getBytes(StandardCharsets.US_ASCII), 0x27);
        return FirmwareBuilder.concat(stub, FirmwareBuilder.le(4).putInt(z.length).array(), mark, z);
    }

    /**
     * A {@code regedit} export (UTF-16LE with BOM) of {@code key} holding {@code value} as a
     * {@code hex:} REG_BINARY value, 25 bytes per line with backslash continuations.
     */
    public static byte[] regExport(String key, String valueName, byte[] value) {
        StringBuilder s = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n[").append(key).append("]\r\n");
        s.append("\"DriverDesc\"=\"NVIDIA GeForce\"\r\n");
        s.append('"').append(valueName).append("\"=hex:");
        for (int i = 0; i < value.length; i++) {
            s.append(String.format("%02x", value[i] & 0xFF));
            if (i + 1 < value.length) {
                s.append(',');
                if ((i + 1) % 25 == 0) {
                    s.append("\\\r\n  ");
                }
            }
        }
        s.append("\r\n\r\n");
        return FirmwareBuilder.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                s.toString().getBytes(StandardCharsets.UTF_16LE));
    }
}
