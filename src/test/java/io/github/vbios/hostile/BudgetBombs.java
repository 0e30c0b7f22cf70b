package io.github.vbios.hostile;

import io.github.vbios.codec.Lzma;
import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The decoding bombs of issue 12 (points 2, 4 and 7), built here so the suite needs no files.
 * Each is small on disk and would take minutes of CPU or gigabytes of heap if the walk did not
 * count every decoded byte. Built once per JVM: the encoders take a second on 64 MiB of zeros.
 */
public final class BudgetBombs {
    static final int MIB = 1 << 20;
    private static byte[] lzmaSections;
    private static byte[] xzZips;
    private static byte[] nestedZip;

    private BudgetBombs() {
    }

    /**
     * A firmware volume whose one file holds {@code count} LZMA GUID-defined sections, each a valid
     * stream of 64 MiB - 1 zero bytes whose header declares 64 MiB: every decode fails after
     * producing almost the whole per-stream cap (issue: 9.6 MB, 1,000 sections, 62 s).
     */
    public static synchronized byte[] lzmaWrongSize(int count) {
        if (lzmaSections == null || count != 1000) {
            byte[] stream = Lzma.compress(new byte[64 * MIB - 1]);
            ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).putLong(5, 64L * MIB);
            byte[] section = FirmwareBuilder.guidedSection(Guid.LZMA, 0x01, new byte[0], stream);
            byte[][] all = new byte[count][];
            Arrays.fill(all, section);
            byte[] fv = FirmwareBuilder.volume(FirmwareBuilder.ffsFile("11111111-2222-3333-4444-555555555555", 0x02,
                    FirmwareBuilder.sections(all)));
            if (count != 1000) {
                return fv;
            }
            lzmaSections = fv;
        }
        return lzmaSections;
    }

    /** An xz stream of {@code size} zero bytes. */
    static byte[] xzZeros(long size) {
        return FirmwareWrappers.xz(new byte[Math.toIntExact(size)]);
    }

    /**
     * A zip of {@code zips} stored zips, each holding {@code streams} deflated xz streams of 64 MiB + 1 zero
     * bytes: one more than the per-stream cap, so each is decoded to the cap and then refused
     * (issue: 3.7 MB, 20 x 1,000 streams, 27 minutes of CPU).
     */
    public static synchronized byte[] xzOverCap(int zips, int streams) {
        if (xzZips != null && zips == 20 && streams == 1000) {
            return xzZips;
        }
        byte[] xz = xzZeros(64L * MIB + 1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(outer)) {
            for (int i = 0; i < zips; i++) {
                ByteArrayOutputStream inner = new ByteArrayOutputStream();
                try (ZipOutputStream zi = new ZipOutputStream(inner)) {
                    for (int j = 0; j < streams; j++) {
                        zi.putNextEntry(new ZipEntry("s" + j + ".xz"));
                        zi.write(xz);
                        zi.closeEntry();
                    }
                }
                stored(z, "z" + i + ".zip", inner.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] b = outer.toByteArray();
        if (zips == 20 && streams == 1000) {
            xzZips = b;
        }
        return b;
    }

    /**
     * Ten levels of zips, each holding two deflated copies of the level below, around 64 MiB of
     * zeros: about 70 KB that would decode to 32 GiB (issue: 69 KB, 36 s, 476 MB RSS).
     */
    public static synchronized byte[] nestedZip() {
        if (nestedZip == null) {
            byte[] level = deflated(new String[] {"zeros.bin"}, new byte[64 * MIB]);
            for (int i = 1; i < 10; i++) {
                level = deflated(new String[] {"a" + i + ".zip", "b" + i + ".zip"}, level);
            }
            nestedZip = level;
        }
        return nestedZip;
    }

    /** {@code depth} stored zips, one inside the other, around {@code core}. */
    public static byte[] storedZipChain(int depth, byte[] core) {
        byte[] level = core;
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(level.length + 200);
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                stored(z, "l.zip", level);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            level = out.toByteArray();
        }
        return level;
    }

    /** A volume whose file holds {@code depth} CRC32 GUID-defined sections nested in each other around {@code core}. */
    public static byte[] crc32Chain(int depth, byte[] coreSections) {
        byte[] s = coreSections;
        for (int i = 0; i < depth; i++) {
            s = FirmwareBuilder.crc32Section(s);
        }
        return FirmwareBuilder.volume(FirmwareBuilder.ffsFile("11111111-2222-3333-4444-555555555555", 0x02, s));
    }

    private static byte[] deflated(String[] names, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(content);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void stored(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }
}
