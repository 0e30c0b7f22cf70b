package io.github.vbios.firmware.external;

import io.github.vbios.io.ByteSlice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * RAR archives (repair shops and forums share SPI dumps so): RAR 1.5-4.x start with
 * {@code 52 61 72 21 1A 07 00}, RAR 5 with {@code 52 61 72 21 1A 07 01 00} (RAR 5.0 archive format,
 * "General archive structure"). No maintained pure-Java RAR5 decoder exists, so they are unpacked
 * by {@code unar} (Debian {@code unar}, preferred) or {@code unrar} when installed; otherwise a
 * finding names the package and the walk is incomplete. SFX exes are found by {@link SelfExtractor}.
 */
public final class Rar extends ExternalUnpacker {
    /** The 6 bytes both versions share; byte 6 is 00 (RAR4) or 01 00 (RAR5). */
    private static final byte[] PREFIX = {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07};

    /** The 6 signature bytes both versions share (a copy): SFX executables are searched for them. */
    public static byte[] prefix() {
        return PREFIX.clone();
    }

    public Rar(ExternalTools tools) {
        super(tools);
    }

    @Override
    public String kind() {
        return "rar";
    }

    /** 4 (RAR 1.5-4.x), 5 (RAR 5), or 0 when {@code d} does not start with a RAR signature at {@code off}. */
    public static int version(ByteSlice d, int off) {
        if (!d.contains(off, 8) || !d.matches(off, PREFIX)) {
            return 0;
        }
        int b6 = d.u8(off + 6);
        return b6 == 0 ? 4 : b6 == 1 && d.u8(off + 7) == 0 ? 5 : 0;
    }

    /**
     * True when a RAR signature at {@code off} is followed by a header whose CRC matches: RAR4's
     * archive header (type 0x73; HEAD_CRC = low 16 bits of the CRC32 from HEAD_TYPE to the header's
     * end), RAR5's first header (main archive 1 or encryption 4; CRC32 from the size field to the
     * header's end). Used for signatures found inside exes, where the bytes may be a constant.
     */
    public static boolean headerValid(ByteSlice d, int off) {
        int v = version(d, off);
        if (v == 4) {
            int h = off + 7;
            if (!d.contains(h, 13) || d.u8(h + 2) != 0x73) {
                return false;
            }
            int size = d.u16(h + 5);
            return size >= 13 && d.contains(h, size) && (crc32(d, h + 2, size - 2) & 0xFFFF) == d.u16(h);
        }
        if (v == 5) {
            int h = off + 8;
            long size = 0;
            int p = h + 4;
            for (int shift = 0; shift <= 14 && d.contains(p, 1); shift += 7) {
                int b = d.u8(p++);
                size |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    long end = p + size;
                    int type = d.contains(p, 1) ? d.u8(p) : -1;
                    return size > 0 && end <= d.length() && (type == 1 || type == 4)
                            && crc32(d, h + 4, end - h - 4) == d.u32(h);
                }
            }
        }
        return false;
    }

    private static long crc32(ByteSlice d, long off, long len) {
        return d.slice(off, len).crc32();
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return version(d, 0) != 0;
    }

    @Override
    String formatName(ByteSlice data) {
        return "RAR" + version(data, 0) + " archive";
    }

    @Override
    Optional<Path> locate(ExternalTools tools) {
        return tools.find("unar").or(() -> tools.find("unrar"));
    }

    @Override
    String program() {
        return "unar";
    }

    @Override
    String programs() {
        return "unar (or unrar)";
    }

    @Override
    String debianPackage() {
        return "unar";
    }

    @Override
    List<String> command(Path program, Path input, Path out) {
        if (program.getFileName().toString().equals("unrar")) {
            // x: keep paths; -p-: never ask for a password; -o-: never overwrite; -idq: quiet
            return List.of(program.toString(), "x", "-p-", "-o-", "-idq", input.toString(), out.toString() + "/");
        }
        // -q quiet, -D no enclosing folder, -p '' no password prompt on encrypted archives
        return List.of(program.toString(), "-q", "-D", "-p", "", "-o", out.toString(), input.toString());
    }
}
