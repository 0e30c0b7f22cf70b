package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.uefi.Decoded;
import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.firmware.uefi.SectionDecoders;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dell "HDR" sections (firmware.md 3 and 4.2, VBiosFinder's "polyglot"): [u32 zlib size][u8 type
 * AA/BB] EE AA 76 1B EC BB 20 F1 E6 51 [checksum] then a zlib stream. Each stream is inflated and
 * explored; a {@code PFS.HDR.} payload is recorded and scanned raw (its entries are not split).
 */
public final class DellPfs implements Container {
    private static final byte[] MARK = {(byte) 0xEE, (byte) 0xAA, 0x76, 0x1B, (byte) 0xEC, (byte) 0xBB, 0x20,
        (byte) 0xF1, (byte) 0xE6, 0x51};

    @Override
    public String kind() {
        return "dell-pfs";
    }

    /**
     * Magic bytes only (the {@link io.github.vbios.firmware.Container} contract): a PFS header, an
     * HDR section at the start (a {@code .hdr} recovery file), or an executable: Dell's updaters
     * carry their HDR sections anywhere after the stub, so only exes are searched, in {@link #open}.
     */
    @Override
    public boolean recognises(ByteSlice d) {
        return d.matchesAscii(0, "PFS.HDR.") || hdrAt(d, 5) || d.length() > 0x40 && d.u16(0) == 0x5A4D;
    }

    /** True when an HDR mark sits at {@code p} and a zlib header follows it. */
    private static boolean hdrAt(ByteSlice d, int p) {
        return p >= 5 && d.contains(p + 11, 2) && d.matches(p, MARK) && d.u8(p + 11) == 0x78;
    }

    /** The offset of the next HDR mark that is followed by a zlib header, or -1. */
    private static int find(ByteSlice d, int from) {
        int p = from;
        while ((p = d.indexOf(MARK, p)) >= 0) {
            if (hdrAt(d, p)) {
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
            Optional<Decoded> out = SectionDecoders.zlib(blob, p - 5, stream, walk);
            if (out.isPresent()) {
                walk.explore(blob.child(out.get().data(), "Dell HDR@" + Hex.offset(p - 5)));
                any = true;
            }
        }
        return any;
    }

    /**
     * PFS.HDR. {tag[8], u32 version, u32 payload size}, entries, then PFS.FTR. Each entry
     * (BIOSUtilities dell_pfs_extract): GUID, u32 HeaderVersion (1: 0x48-byte header, 2: 0x58),
     * version fields, then u32 DataSize, DataSigSize, DataMetSize, DataMetSigSize at +0x28, and
     * the four blobs after the header. Entry data is explored (nested PFS, volumes); when every
     * entry holds one BIOS Guard block, the blocks are joined into the flash region first. When
     * the entry list does not parse, the payload is scanned as one area.
     */
    private static boolean pfs(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        if (d.length() < 0x10) {
            return false;
        }
        ByteSlice payload = d.clamp(0x10, d.u32(0x0C));
        walk.seen(blob, "dell-pfs", 0, d.length(), null, "version " + d.u32(0x08));
        Blob body = blob.child(payload, "PFS payload");
        Optional<List<Entry>> entries = entries(payload);
        if (entries.isEmpty()) {
            walk.finding(blob, Finding.info(FirmwareCode.PFS_ENTRIES_INVALID,
                    0x10, "Dell PFS entry list does not parse; the payload is scanned as one area"));
            walk.explore(body);
            return true;
        }
        List<Entry> list = entries.get();
        for (Entry e : list) {
            walk.seen(body, "dell-pfs entry", e.offset(), e.length(), e.guid(), "data " + e.data().length() + " bytes");
        }
        if (!biosGuard(body, list, walk)) {
            for (Entry e : list) {
                walk.explore(body.child(e.data(), "PFS entry " + e.guid()));
            }
        }
        return true;
    }

    /** One PFS entry: its place in the payload and its data and metadata blobs. */
    private record Entry(int offset, int length, String guid, ByteSlice data, ByteSlice metadata) {
    }

    /** The entries when they cover the payload exactly, else empty. */
    private static Optional<List<Entry>> entries(ByteSlice p) {
        List<Entry> out = new ArrayList<>();
        int off = 0;
        while (off < p.length()) {
            if (!p.contains(off, 0x48)) {
                return Optional.empty();
            }
            long version = p.u32(off + 0x10);
            int header = version == 1 ? 0x48 : version == 2 ? 0x58 : -1;
            long data = p.u32(off + 0x28);
            long sig = p.u32(off + 0x2C);
            long meta = p.u32(off + 0x30);
            long total = header + data + sig + meta + p.u32(off + 0x34);
            if (header < 0 || !p.contains(off, total)) {
                return Optional.empty();
            }
            out.add(new Entry(off, (int) total, Guid.read(p, off), p.slice(off + header, data),
                    p.slice(off + header + data + sig, meta)));
            off += (int) total;
        }
        return Optional.of(out);
    }

    /**
     * Dell's BIOS Guard layout: every entry's data is one BIOS Guard block, and its metadata (when
     * at least 0x19 bytes) says {u32 Address, u32, u32 Offset, u32 DataSize, ...}. The flash offset comes from the metadata, else from the
     * block's script. Joins the blocks and explores the region; false when this is not that layout.
     */
    private static boolean biosGuard(Blob body, List<Entry> list, Walk walk) {
        BiosGuardImage image = new BiosGuardImage();
        for (Entry e : list) {
            // BIOSUtilities reports a size mismatch between the block and the entry data but goes on;
            // a valid header with a begin/end script is what marks the layout
            Optional<BiosGuardBlock> block = BiosGuardBlock.at(e.data(), 0);
            if (block.isEmpty()) {
                return false;
            }
            BiosGuardBlock b = block.get();
            ByteSlice m = e.metadata();
            long offset = m.length() >= 0x19 ? m.u32(8) : b.flashOffset();
            long address = m.length() >= 0x19 ? m.u32(0) : offset;
            image.add(offset, address, b.data(e.data()));
        }
        Optional<ByteSlice> join = image.joinWithin(body, walk, 0, "Dell PFS BIOS Guard blocks");
        if (join.isEmpty()) {
            return false;
        }
        ByteSlice joined = join.get();
        walk.seen(body, "bios-guard", 0, body.data().length(), null,
                image.blocks() + " blocks joined into " + joined.length() + " bytes");
        walk.explore(body.child(joined, "BIOS Guard image (" + image.blocks() + " blocks)"));
        return true;
    }
}
