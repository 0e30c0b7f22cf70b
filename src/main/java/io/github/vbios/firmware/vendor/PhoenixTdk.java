package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.EmbeddedFormat;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.uefi.Decoded;
import io.github.vbios.firmware.uefi.SectionDecoders;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutputFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phoenix TDK packer executables (firmware.md 3, BIOSUtilities phoenix_tdk_extract; Phoenix SCT
 * laptop updates): at the end of the packer exe a header {"$PACK\0\0\0", u32 Size, u32 Count},
 * 0x200 placeholder bytes, then Count entries {Name[256], u32 Offset, u32 Size, u32 Compressed
 * (0 stored, 1 LZMA), u32 Reserved}. Offsets count from the packer exe's MZ header, which is
 * usually the start of the file; otherwise the nearest MZ before the header whose entries fit.
 */
public final class PhoenixTdk implements EmbeddedFormat {
    private static final byte[] TAG = {'$', 'P', 'A', 'C', 'K', 0, 0, 0};
    private static final int HEADER = 0x10;
    private static final int PLACEHOLDER = 0x200;
    private static final int ENTRY = 0x110;
    private static final byte[] MZ = {'M', 'Z'};

    /** One packed file. */
    private record Entry(String name, long offset, long size, long compression) {
    }

    @Override
    public String kind() {
        return "phoenix-tdk";
    }

    /** The header offset: the tag with Size below 64 KiB and Count below 256 (BIOSUtilities' pattern). */
    @Override
    public int find(ByteSlice d) {
        for (int p = d.indexOf(TAG, 0); p >= 0; p = d.indexOf(TAG, p + 1)) {
            if (d.contains(p, HEADER) && d.u32(p + 8) < 0x10000 && d.u32(p + 12) < 0x100) {
                return p;
            }
        }
        return -1;
    }

    @Override
    public boolean open(Blob blob, int pack, Walk walk) {
        ByteSlice d = blob.data();
        int count = (int) d.u32(pack + 12);
        List<Entry> entries = new ArrayList<>();
        int table = pack + HEADER + PLACEHOLDER;
        for (int i = 0; i < count; i++) {
            int e = table + i * ENTRY;
            if (!d.contains(e, ENTRY)) {
                walk.finding(blob, Finding.warning(FirmwareCode.TDK_ENTRY_TRUNCATED,
                        e, "Phoenix TDK entry " + (i + 1) + " of " + count + " is cut short"));
                break;
            }
            entries.add(new Entry(d.asciiz(e, 256).strip(), d.u32(e + 0x100), d.u32(e + 0x104), d.u32(e + 0x108)));
        }
        long base = base(d, pack, entries);
        if (base < 0) {
            walk.finding(blob, Finding.warning(FirmwareCode.TDK_ENTRIES_INVALID,
                    pack, "Phoenix TDK entries point outside the file; scanning raw"));
            return false;
        }
        walk.seen(blob, "phoenix-tdk", pack, HEADER + PLACEHOLDER + (long) count * ENTRY, null,
                entries.size() + " files, base " + Hex.offset(base));
        for (Entry e : entries) {
            ByteSlice data = d.slice(base + e.offset(), e.size());
            String step = "TDK:" + OutputFolder.sanitise(e.name().isEmpty() ? "unnamed" : e.name());
            if (e.compression() == 1) {
                Optional<Decoded> out = SectionDecoders.lzma(blob, base + e.offset(), data, false, walk);
                walk.explore(blob.child(out.map(Decoded::data).orElse(data), step + (out.isPresent() ? " (LZMA)" : "")));
            } else {
                walk.explore(blob.child(data, step));
            }
        }
        return false; // the packer exe itself still goes to the raw scan
    }

    /**
     * The packer appends its files to its own exe and the header right after them, so the right
     * base is the one (the start of the blob or an MZ before the header) whose files end closest
     * before the header; -1 when no base puts every file inside the blob.
     */
    private static long base(ByteSlice d, int pack, List<Entry> entries) {
        long best = -1;
        long bestGap = Long.MAX_VALUE;
        long fallback = -1;
        for (int p = 0; p >= 0 && p < pack; p = d.indexOf(MZ, p + 1)) {
            long end = end(d, p, entries);
            if (end < 0) {
                continue;
            }
            if (fallback < 0) {
                fallback = p;
            }
            if (end <= pack && pack - end < bestGap) {
                best = p;
                bestGap = pack - end;
            }
        }
        return best >= 0 ? best : fallback;
    }

    /** Where the last file ends from {@code base}, or -1 when a file lies outside the blob. */
    private static long end(ByteSlice d, long base, List<Entry> entries) {
        long end = base;
        for (Entry e : entries) {
            if (!d.contains(base + e.offset(), e.size())) {
                return -1;
            }
            end = Math.max(end, base + e.offset() + e.size());
        }
        return end;
    }
}
