package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.nvidia.NvidiaContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Carves option ROMs out of arbitrary decoded blobs (firmware files, archives). Looks only where
 * 55 AA, NVGI or NVFW bytes occur; every chain is reported once, at its first image.
 */
public final class RomScanner {
    /** A blob rarely holds more; the cap keeps hostile input (55 AA everywhere) bounded. */
    public static final int MAX_ROMS = 256;
    /** Each NVFW costs a directory search of up to 2 MiB; real blobs hold one or two. */
    private static final int MAX_NVFW_TRIES = 64;
    private static final byte[] SIGNATURE = {0x55, (byte) 0xAA};
    private static final byte[] NV = {'N', 'V'};
    private static final byte[] GI = {'G', 'I'};
    private static final byte[] FW = {'F', 'W'};

    private RomScanner() {
    }

    public static List<FoundRom> scan(ByteSlice blob) {
        List<FoundRom> out = new ArrayList<>();
        // covered ranges: start -> end of every reported chain (both views), so no chain is reported twice
        NavigableMap<Long, Long> covered = new TreeMap<>();
        scanContainers(blob, out, covered);
        scanChains(blob, out, covered);
        out.sort((a, b) -> Long.compare(a.pciViewOffset(), b.pciViewOffset()));
        return out;
    }

    /** NVIDIA's RM stops walking the expansion ROM chain after 1 MiB (rom-format.md 1.9.3). */
    static final long NVIDIA_VIEW_MAX = 1L << 20;

    private static void scanContainers(ByteSlice blob, List<FoundRom> out, NavigableMap<Long, Long> covered) {
        int nvfwTries = 0;
        int last = blob.length() - 12;
        // containers sit at even offsets: the 16-bit-lane search for "NV" at even offsets only
        for (int off = blob.indexOf(NV, 0, 2); off >= 0 && off <= last && out.size() < MAX_ROMS;
                off = blob.indexOf(NV, off + 2, 2)) {
            if (!blob.matches(off + 2, GI) && !blob.matches(off + 2, FW)) {
                continue;
            }
            ByteSlice tail = blob.from(off);
            boolean nvgi = blob.u8(off + 2) == 'G';
            if (!nvgi && ++nvfwTries > MAX_NVFW_TRIES) {
                continue;
            }
            Optional<NvidiaContainer> header = nvgi ? NvidiaContainer.nvgi(tail, 0) : Optional.of(NvidiaContainer.nvfwAt(tail, 0));
            if (header.isEmpty()) {
                continue;
            }
            NvidiaContainer nv = header.get();
            // verify before analysing: a full analysis of every stray "NVGI" would make the scan quadratic
            if (!nv.found() || nv.romStart() % 4 != 0 || !ImageParser.isImage(tail, nv.romStart(), false)
                    || isCovered(covered, off + nv.romStart())) {
                continue;
            }
            RomAnalysis a = RomAnalyzer.analyze(tail);
            if (!a.isOptionRom() || !a.container().kind().isNvidiaContainer()) {
                continue;
            }
            long end = Math.max(a.pciView().end(), a.nvidiaView().end());
            FoundRom f = new FoundRom(off, end, FoundRom.Source.NVIDIA_CONTAINER,
                    end == tail.length() ? a : RomAnalyzer.analyze(tail.slice(0, end)));
            out.add(f);
            cover(covered, f);
        }
    }

    private static void scanChains(ByteSlice blob, List<FoundRom> out, NavigableMap<Long, Long> covered) {
        int last = blob.length() - 0x1A;
        for (int off = 0; off <= last && out.size() < MAX_ROMS; off++) {
            off = blob.indexOf(SIGNATURE, off, 1);
            if (off < 0 || off > last) {
                break;
            }
            if (isCovered(covered, off)) {
                continue;
            }
            if (!ImageParser.isImage(blob, off, true)) {
                continue;
            }
            ByteSlice tail = blob.from(off);
            long end = chainEnd(tail, covered, off);
            if (end <= 0) {
                continue;
            }
            RomAnalysis a = RomAnalyzer.analyze(tail.slice(0, end));
            Optional<RomAnalysis> wide = layoutAWiden(tail, end, a);
            if (wide.isPresent()) {
                end = wide.get().nvidiaView().end();
                a = wide.get();
            }
            FoundRom f = new FoundRom(off, end, FoundRom.Source.PCI_CHAIN, a);
            out.add(f);
            cover(covered, f);
            off += (int) Math.max(0, end - 1);
        }
    }

    /**
     * A layout-A NVIDIA ROM in a larger blob (system firmware): its NVIDIA-only images follow the PCI
     * chain, so the NVIDIA walk of the PCI chain alone runs off its end. Then the slice is widened to
     * the end of the NVIDIA view (at most {@link #NVIDIA_VIEW_MAX} past the chain, RM's own cap)
     * and that analysis returned; empty when there is nothing more to take.
     */
    private static Optional<RomAnalysis> layoutAWiden(ByteSlice tail, long end, RomAnalysis a) {
        RomView nv = a.nvidiaView();
        if (!a.isOptionRom() || nv.isEmpty() || nv.complete() || nv.end() < end || tail.length() <= end
                || a.pciImages().get(0).vendorId() != 0x10DE) {
            return Optional.empty();
        }
        RomAnalysis wide = RomAnalyzer.analyze(tail.slice(0, Math.min(tail.length(), end + NVIDIA_VIEW_MAX)));
        if (!wide.nvidiaBeyondPci() || wide.pciView().end() != a.pciView().end()) {
            return Optional.empty();
        }
        return Optional.of(wide.nvidiaView().end() == Math.min(tail.length(), end + NVIDIA_VIEW_MAX) ? wide
                : RomAnalyzer.analyze(tail.slice(0, wide.nvidiaView().end())));
    }

    private static boolean isCovered(NavigableMap<Long, Long> covered, long off) {
        var e = covered.floorEntry(off);
        return e != null && off < e.getValue();
    }

    /**
     * End of the PCI chain at the start of {@code tail} (headers only, rom-format.md 1.9.2), clamped
     * to the blob; 0 when a chain runs into an already reported ROM: it is a decoy in front of it
     * (rom-format.md 3.2).
     */
    private static long chainEnd(ByteSlice tail, NavigableMap<Long, Long> covered, long base) {
        long off = 0;
        for (int n = 0; n < PciWalker.MAX_IMAGES && ImageParser.isImage(tail, off, true); n++) {
            if (isCovered(covered, base + off)) {
                return 0;
            }
            long pcir = off + tail.u16(off + 0x18);
            long len = tail.u16(pcir + 0x10) * 512L;
            boolean last = (tail.u8(pcir + 0x15) & 0x80) != 0;
            if (len == 0) {
                return Math.min(tail.length(), off + 512);
            }
            off += len;
            if (last || off >= tail.length()) {
                break;
            }
        }
        return Math.min(off, tail.length());
    }

    private static void cover(NavigableMap<Long, Long> covered, FoundRom f) {
        long start = f.pciViewOffset();
        long end = f.offset() + Math.max(f.analysis().pciView().end(), f.analysis().nvidiaView().end());
        covered.merge(start, end, Math::max);
    }
}
