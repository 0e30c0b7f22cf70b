package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import java.nio.charset.StandardCharsets;

/** Turns an EFI payload into PE facts; the only class of the rom room that talks to the codec room. */
final class PeFacts {
    private static final byte[] NVGOP = "nvgop-".getBytes(StandardCharsets.UTF_16LE);

    private PeFacts() {
    }

    static EfiPayload decode(ByteSlice payload, long start, int compression) {
        if (compression >= 2) {
            return EfiPayload.failed(start, payload.length(), compression,
                    "compression type " + compression + " is reserved (firmware skips such images)");
        }
        if (compression == 1) {
            return EfiPayload.failed(start, payload.length(), compression,
                    "EFI decompression is not available in this build");
        }
        return facts(payload, payload, start, compression);
    }

    /** Reads the PE header fields without the codec room: MZ, e_lfanew, PE\0\0, machine, optional magic, subsystem. */
    static EfiPayload facts(ByteSlice payload, ByteSlice image, long start, int compression) {
        String sha = image.sha256();
        String gop = gopName(image);
        if (!image.matchesAscii(0, "MZ") || !image.contains(0x3C, 4)) {
            return new EfiPayload(start, payload.length(), compression, image.length(), sha, -1, -1, false, gop,
                    "payload is not a PE/COFF image (no MZ header)");
        }
        long pe = image.u32(0x3C);
        if (!image.matchesAscii(pe, "PE\0\0") || !image.contains(pe + 0x18, 0x46)) {
            return new EfiPayload(start, payload.length(), compression, image.length(), sha, -1, -1, false, gop,
                    "PE signature missing at 0x" + Long.toHexString(pe));
        }
        int machine = image.u16(pe + 4);
        int magic = image.u16(pe + 0x18);
        int subsystem = image.u16(pe + 0x18 + 0x44);
        return new EfiPayload(start, payload.length(), compression, image.length(), sha, machine, subsystem,
                magic == 0x20B, gop, null);
    }

    /** The UTF-16LE {@code nvgop-...} name inside a GOP driver (rom-format.md 1.11), or null. */
    static String gopName(ByteSlice image) {
        int at = image.indexOf(NVGOP, 0);
        if (at < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (long p = at; image.contains(p, 2) && sb.length() < 64; p += 2) {
            int c = image.u16(p);
            if (c < 0x21 || c > 0x7E) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
