package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Intel flash descriptor image (firmware.md 2.3): signature 0x0FF0A55A at 0x10, FLMAP0/1, then
 * 16 region base/limit pairs. Any inconsistency hands the whole image to the raw-area scan
 * instead of failing as UEFITool does.
 */
public final class FlashDescriptor implements Container {
    static final long SIGNATURE = 0x0FF0A55AL;
    static final String[] REGIONS = {"descriptor", "BIOS", "ME", "GbE", "PDR", "DevExp1", "BIOS2", "microcode",
        "EC", "DevExp2", "IE", "10GbE1", "10GbE2", "reserved1", "reserved2", "PTT"};

    /** One region: index into {@link #REGIONS}, offset and size in the image. */
    record Region(int index, long offset, long size) {
        String name() {
            return REGIONS[index];
        }
    }

    @Override
    public String kind() {
        return "descriptor";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 0x1000 && d.u32(0x10) == SIGNATURE;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        Optional<Region[]> read = regions(d);
        Optional<String> problem = read.isEmpty() ? Optional.of("FLMAP bases are invalid") : check(read.get(), d.length());
        if (problem.isPresent()) {
            walk.finding(blob, Finding.warning(FirmwareCode.DESCRIPTOR_INVALID,
                    0x10, "flash descriptor: " + problem.get() + "; scanning the image raw"));
            return false;
        }
        Region[] regions = read.get();
        walk.seen(blob, "descriptor", 0, 0x1000, null, null);
        List<Region> present = new ArrayList<>();
        for (Region r : regions) {
            if (r != null && r.index() != 0) {
                present.add(r);
            }
        }
        present.sort(Comparator.comparingLong(Region::offset));
        long end = 0x1000;
        for (Region r : present) {
            gap(blob, end, r.offset(), walk);
            walk.seen(blob, "region", r.offset(), r.size(), r.name(), null);
            Blob child = blob.child(d.slice(r.offset(), r.size()), r.name() + " region@" + Hex.offset(r.offset()));
            switch (r.name()) {
                case "ME", "GbE", "10GbE1", "10GbE2", "PTT" -> { }  // firmware.md 2.3: never hold option ROMs
                default -> walk.explore(child);
            }
            end = r.offset() + r.size();
        }
        gap(blob, end, d.length(), walk);
        return true;
    }

    /** firmware.md 2.3: gaps between regions are padding; non-empty ones are carved. */
    private static void gap(Blob blob, long from, long to, Walk walk) {
        if (to <= from) {
            return;
        }
        ByteSlice g = blob.data().slice(from, to - from);
        if (!g.isFilledWith(0xFF) && !g.isFilledWith(0)) {
            walk.seen(blob, "padding", from, to - from, null, "outside every region");
            walk.carve(blob.child(g, "padding@" + Hex.offset(from)));
        }
    }

    /** Regions from the descriptor; empty when the FLMAP bases are inconsistent. */
    static Optional<Region[]> regions(ByteSlice d) {
        long flmap0 = d.u32(0x14);
        int componentBase = (int) (flmap0 & 0xFF) * 0x10;
        int regionBase = (int) ((flmap0 >> 16) & 0xFF) * 0x10;
        int masterBase = (d.u8(0x18)) * 0x10;
        if (componentBase > 0xE00 || regionBase > 0xE00 || masterBase > 0xE00 || regionBase == 0
                || componentBase == regionBase || masterBase == regionBase || masterBase == componentBase) {
            return Optional.empty();
        }
        // Descriptor v1 (ReadClockFrequency == 20 MHz) only defines regions up to BIOS2.
        boolean v1 = ((d.u32(componentBase) >> 17) & 7) == 0;
        int count = v1 ? 7 : 16;
        Region[] out = new Region[count];
        for (int i = 0; i < count; i++) {
            int base = d.u16(regionBase + 4L * i);
            int limit = d.u16(regionBase + 4L * i + 2);
            if (i > 0 && (limit == 0 || (base == 0xFFFF && limit == 0xFFFF) || (base & 0x7FFF) > (limit & 0x7FFF))) {
                continue;
            }
            long off = (base & 0x7FFFL) * 0x1000;
            out[i] = new Region(i, off, ((limit & 0x7FFFL) + 1 - (base & 0x7FFFL)) * 0x1000);
        }
        gigabyteQuirk(out, d.length());
        return Optional.of(out);
    }

    /** firmware.md 2.3: a BIOS region as long as the image really starts after the ME region. */
    private static void gigabyteQuirk(Region[] r, long imageLength) {
        if (r[1] != null && r[1].size() == imageLength && r[2] != null) {
            long start = r[2].offset() + r[2].size();
            r[1] = new Region(1, start, imageLength - start);
        }
    }

    /** The first inconsistency that sends the image to the raw scan, if any. */
    static Optional<String> check(Region[] regions, long imageLength) {
        for (Region r : regions) {
            if (r == null || r.index() == 0) {
                continue;
            }
            if (r.offset() + r.size() > imageLength) {
                return Optional.of(r.name() + " region ends beyond the image (dual-chip storage?)");
            }
            if (r.offset() < 0x1000) {
                return Optional.of(r.name() + " region overlaps the descriptor");
            }
            for (Region o : regions) {
                if (o != null && o.index() != r.index() && o.index() != 0 && r.offset() < o.offset() + o.size()
                        && o.offset() < r.offset() + r.size()) {
                    return Optional.of(r.name() + " and " + o.name() + " regions overlap");
                }
            }
        }
        return Optional.empty();
    }
}
