package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.nvidia.NvidiaContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Carves option ROMs out of arbitrary decoded blobs (firmware files, archives). Looks only where
 * 55 AA, NVGI or NVFW bytes occur; every chain is reported once, at its first image.
 */
public final class RomScanner {
    /** A blob rarely holds more; the cap keeps hostile input (55 AA everywhere) bounded. */
    public static final int MAX_ROMS = 256;

    private RomScanner() {
    }

    public static List<FoundRom> scan(ByteSlice blob) {
        List<FoundRom> out = new ArrayList<>();
        // covered ranges: start -> end of every reported chain (both views), so no chain is reported twice
        TreeMap<Long, Long> covered = new TreeMap<>();
        scanContainers(blob, out, covered);
        scanChains(blob, out, covered);
        out.sort((a, b) -> Long.compare(a.pciViewOffset(), b.pciViewOffset()));
        return out;
    }

    private static void scanContainers(ByteSlice blob, List<FoundRom> out, TreeMap<Long, Long> covered) {
        byte[] d = blob.array();
        int base = blob.arrayOffset();
        for (int off = 0; off + 12 <= blob.length() && out.size() < MAX_ROMS; off += 2) {
            int p = base + off;
            if (d[p] != 'N' || d[p + 1] != 'V' || !(d[p + 2] == 'G' && d[p + 3] == 'I' || d[p + 2] == 'F' && d[p + 3] == 'W')) {
                continue;
            }
            ByteSlice tail = blob.from(off);
            NvidiaContainer nv = d[p + 2] == 'G' ? NvidiaContainer.nvgi(tail, 0) : NvidiaContainer.nvfwAt(tail, 0);
            if (nv == null || !nv.found() || isCovered(covered, off + nv.romStart())) {
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

    private static void scanChains(ByteSlice blob, List<FoundRom> out, TreeMap<Long, Long> covered) {
        byte[] d = blob.array();
        int base = blob.arrayOffset();
        for (int off = 0; off + 0x1A <= blob.length() && out.size() < MAX_ROMS; off++) {
            if (d[base + off] != 0x55 || d[base + off + 1] != (byte) 0xAA || isCovered(covered, off)) {
                continue;
            }
            if (!ImageParser.isImage(blob, off, true)) {
                continue;
            }
            ByteSlice tail = blob.from(off);
            RomView pci = PciWalker.walk(new ImageParser(tail), 0);
            if (pci.isEmpty() || reachesCovered(covered, off, pci)) {
                continue;
            }
            FoundRom f = new FoundRom(off, pci.end(), FoundRom.Source.PCI_CHAIN,
                    RomAnalyzer.analyze(tail.slice(0, pci.end())));
            out.add(f);
            cover(covered, f);
            off += (int) Math.max(0, pci.end() - 1);
        }
    }

    private static boolean isCovered(TreeMap<Long, Long> covered, long off) {
        var e = covered.floorEntry(off);
        return e != null && off < e.getValue();
    }

    /** A chain that runs into an already reported ROM is a decoy in front of it (rom-format.md 3.2). */
    private static boolean reachesCovered(TreeMap<Long, Long> covered, long off, RomView pci) {
        for (RomImage i : pci.images()) {
            if (isCovered(covered, off + i.offset())) {
                return true;
            }
        }
        return false;
    }

    private static void cover(TreeMap<Long, Long> covered, FoundRom f) {
        long start = f.pciViewOffset();
        long end = f.offset() + Math.max(f.analysis().pciView().end(), f.analysis().nvidiaView().end());
        covered.merge(start, end, Math::max);
    }
}
