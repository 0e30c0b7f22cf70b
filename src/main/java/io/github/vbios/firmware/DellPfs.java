package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;

/**
 * Dell "HDR" sections (firmware.md 3 and 4.2, VBiosFinder's "polyglot"): [u32 zlib size][u8 type
 * AA/BB] EE AA 76 1B EC BB 20 F1 E6 51 [checksum] then a zlib stream. Each stream is inflated and
 * explored; a {@code PFS.HDR.} payload is recorded and scanned raw (its entries are not split).
 */
final class DellPfs implements Container {
    private static final byte[] MARK = {(byte) 0xEE, (byte) 0xAA, 0x76, 0x1B, (byte) 0xEC, (byte) 0xBB, 0x20,
        (byte) 0xF1, (byte) 0xE6, 0x51};

    @Override
    public String kind() {
        return "dell-pfs";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.matchesAscii(0, "PFS.HDR.") || find(d, 0) >= 0;
    }

    /** The offset of the next HDR mark that is followed by a zlib header, or -1. */
    private static int find(ByteSlice d, int from) {
        int p = from;
        while ((p = d.indexOf(MARK, p)) >= 0) {
            if (p >= 5 && d.contains(p + 11, 2) && d.u8(p + 11) == 0x78) {
                return p;
            }
            p++;
        }
        return -1;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        if (d.matchesAscii(0, "PFS.HDR.")) {
            return pfs(blob, walk);
        }
        boolean any = false;
        for (int p = find(d, 0); p >= 0; p = find(d, p + 1)) {
            long size = d.u32(p - 5);
            int start = p + 11;
            ByteSlice stream = d.clamp(start, size == 0 ? d.length() : size);
            walk.seen(blob, "dell-hdr", p - 5, stream.length() + 16, null, "type " + Hex.id16(d.u8(p - 1)));
            Decoded out = SectionDecoders.zlib(blob, p - 5, stream, walk);
            if (out != null) {
                walk.explore(blob.child(out.data(), "Dell HDR@" + Hex.offset(p - 5)));
                any = true;
            }
        }
        return any;
    }

    /**
     * PFS.HDR. {tag[8], u32 version, u32 payload size}, entries, then PFS.FTR. Each entry
     * (BIOSUtilities dell_pfs_extract): GUID, u32 HeaderVersion (1: 0x48-byte header, 2: 0x58),
     * version fields, then u32 DataSize, DataSigSize, DataMetSize, DataMetSigSize at +0x28, and
     * the four blobs after the header. Entry data is explored (nested PFS, volumes, BIOS Guard
     * chunks); when the entry list does not parse, the payload is scanned as one area.
     */
    private static boolean pfs(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        if (d.length() < 0x10) {
            return false;
        }
        ByteSlice payload = d.clamp(0x10, d.u32(0x0C));
        walk.seen(blob, "dell-pfs", 0, d.length(), null, "version " + d.u32(0x08));
        Blob body = blob.child(payload, "PFS payload");
        if (!entries(body, walk, false)) {
            walk.finding(blob, Finding.info(0x10, "Dell PFS entry list does not parse; the payload is scanned as one area"));
            walk.explore(body);
        } else {
            entries(body, walk, true);
        }
        return true;
    }

    /** Checks ({@code open} false) or opens the entry list; true when it covers the payload exactly. */
    private static boolean entries(Blob body, Walk walk, boolean open) {
        ByteSlice p = body.data();
        int off = 0;
        while (off < p.length()) {
            if (!p.contains(off, 0x48)) {
                return false;
            }
            long version = p.u32(off + 0x10);
            int header = version == 1 ? 0x48 : version == 2 ? 0x58 : -1;
            long data = p.u32(off + 0x28);
            long rest = p.u32(off + 0x2C) + p.u32(off + 0x30) + p.u32(off + 0x34);
            if (header < 0 || !p.contains(off, header + data + rest)) {
                return false;
            }
            if (open) {
                String guid = Guid.read(p, off);
                walk.seen(body, "dell-pfs entry", off, header + data + rest, guid, "data " + data + " bytes");
                walk.explore(body.child(p.slice(off + header, data), "PFS entry " + guid));
            }
            off += (int) (header + data + rest);
        }
        return true;
    }
}
