package io.github.vbios.sample;

import io.github.vbios.firmware.uefi.Guid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Dell PFS volumes and BIOS Guard (PFAT) packages as vendors ship them (firmware.md 3): a BIOS
 * region cut into Intel BIOS Guard blocks, inside Dell PFS entries or behind an AMI PFAT table.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class BiosGuardBuilder {
    /** The GUID Dell uses for the entries of a BIOS Guard sub-PFS (any GUID works for the parser). */
    public static final String PFAT_ENTRY = "BAF7C0B7-8DC8-4FCE-BB26-D7F6C7F6BD4B";

    private BiosGuardBuilder() {
    }

    /** A PFS entry: header (v1 0x48 or v2 0x58 bytes), data, a zero signature, metadata. */
    public static byte[] pfsEntry(String guid, int version, byte[] data, int sigSize, byte[] metadata) {
        ByteBuffer h = FirmwareBuilder.le(version == 1 ? 0x48 : 0x58);
        h.put(Guid.bytes(guid)).putInt(version);
        h.putInt(0x28, data.length).putInt(0x2C, sigSize).putInt(0x30, metadata.length);
        return FirmwareBuilder.concat(h.array(), data, new byte[sigSize], metadata);
    }

    /** PFS.HDR. {version 1, payload size}, the entries, PFS.FTR. {payload size, CRC, tag}. */
    public static byte[] pfs(byte[]... entries) {
        byte[] payload = FirmwareBuilder.concat(entries);
        CRC32 crc = new CRC32();
        crc.update(payload);
        return FirmwareBuilder.concat(ascii("PFS.HDR."), FirmwareBuilder.le(8).putInt(1).putInt(payload.length).array(), payload,
                FirmwareBuilder.le(8).putInt(payload.length).putInt((int) ~crc.getValue()).array(), ascii("PFS.FTR."));
    }

    /**
     * One BIOS Guard block: the 0x30-byte header (platform "DELL..."), a five-opcode script
     * (begin; set I0 = flash offset; a no-op; set I2 = length; end), the data, and with
     * {@code signed} an RSA-2048 signature (SFAM set, signature header word 1).
     */
    public static byte[] block(byte[] data, long flashOffset, boolean signed) {
        ByteBuffer script = FirmwareBuilder.le(5 * 8);
        script.putShort(0, (short) 0x01);
        script.putShort(8, (short) 0x10).putInt(12, (int) flashOffset);
        script.putShort(24, (short) 0x12).putInt(28, data.length);
        script.putShort(32, (short) 0xFF);
        ByteBuffer h = FirmwareBuilder.le(0x30);
        h.putShort((short) 2).putShort((short) 0).put(Arrays.copyOf(ascii("DELL BIOSGUARD"), 16));
        h.putInt(0x14, signed ? 1 : 0).putShort(0x18, (short) 1).putInt(0x1C, script.capacity()).putInt(0x20, data.length);
        byte[] sig = signed ? FirmwareBuilder.le(8 + 0x204).putInt(1).putInt(1).array() : new byte[0];
        return FirmwareBuilder.concat(h.array(), script.array(), data, sig);
    }

    /**
     * Dell's BIOS Guard layout: {@code region} cut into {@code chunk}-byte blocks, each block in its
     * own PFS entry with a 0x19-byte PFAT metadata record {Address, 0, Offset, DataSize, ...}; the
     * entries in a shuffled order (real packages do not keep flash order either).
     */
    public static byte[] dellBiosGuardPfs(byte[] region, int chunk, long seed) {
        List<byte[]> entries = new ArrayList<>();
        for (int off = 0; off < region.length; off += chunk) {
            byte[] data = Arrays.copyOfRange(region, off, Math.min(region.length, off + chunk));
            byte[] meta = FirmwareBuilder.le(0x19).putInt(0xFF000000 + off).putInt(0).putInt(off).putInt(data.length).array();
            entries.add(pfsEntry(PFAT_ENTRY, 2, block(data, off, false), 0, meta));
        }
        Collections.shuffle(entries, new Random(seed));
        return pfs(entries.toArray(new byte[0][]));
    }

    /**
     * An AMI PFAT package: header {Size, Checksum, "_AMIPFAT", Flags}, the text table, then each
     * file's blocks in order ({@code chunk} bytes of data each, signed).
     */
    public static byte[] amiPfat(int chunk, String[] names, byte[][] files) {
        StringBuilder table = new StringBuilder("AMI_BIOS_GUARD_FLASH_CONFIGURATIONS\r\n");
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            int count = 0;
            for (int off = 0; off < files[i].length; off += chunk, count++) {
                blocks.add(block(Arrays.copyOfRange(files[i], off, Math.min(files[i].length, off + chunk)), off, true));
            }
            table.append("0 0 ").append(count).append(" ;").append(names[i]).append("\r\n");
        }
        byte[] text = ascii(table.toString());
        byte[] header = FirmwareBuilder.concat(FirmwareBuilder.le(8).putInt(0x11 + text.length).putInt(0).array(), ascii("_AMIPFAT"),
                new byte[] {0}, text);
        return FirmwareBuilder.concat(header, FirmwareBuilder.concat(blocks.toArray(new byte[0][])));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
