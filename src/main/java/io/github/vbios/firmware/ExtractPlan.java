package io.github.vbios.firmware;

import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code vbios extract} writes and what it concludes (issue 5): display-class ROMs as
 * {@code vbios_VVVV_DDDD[_SSSS_SSSS].rom}, NVIDIA first; with {@code all} every other ROM as
 * {@code rom_VVVV_DDDD.rom}; a short hash suffix only when two different ROMs share a name.
 */
public record ExtractPlan(List<Output> outputs, String verdict, boolean found) {
    /** One ROM of the extraction and the file it goes to (null when it is not written). */
    public record Output(CarvedRom rom, String fileName) {
        public boolean written() {
            return fileName != null;
        }
    }

    public static ExtractPlan of(Extraction x, boolean all) {
        List<CarvedRom> ordered = new ArrayList<>(x.roms());
        ordered.sort(Comparator.comparingInt(ExtractPlan::rank));
        Map<String, Integer> baseCount = new HashMap<>();
        for (CarvedRom r : ordered) {
            if (writes(r, all)) {
                baseCount.merge(baseName(r), 1, Integer::sum);
            }
        }
        List<Output> out = new ArrayList<>();
        for (CarvedRom r : ordered) {
            String name = null;
            if (writes(r, all)) {
                String base = baseName(r);
                name = base + (baseCount.get(base) > 1 ? "_" + r.sha256().substring(0, 8) : "") + ".rom";
            }
            out.add(new Output(r, name));
        }
        return new ExtractPlan(out, verdict(x), x.roms().stream().anyMatch(CarvedRom::isDedicatedGpu));
    }

    private static boolean writes(CarvedRom r, boolean all) {
        return all || r.isDisplay();
    }

    private static int rank(CarvedRom r) {
        return r.isDisplay() ? (r.isNvidia() ? 0 : 1) : 2;
    }

    static String baseName(CarvedRom r) {
        StringBuilder s = new StringBuilder(r.isDisplay() ? "vbios_" : "rom_");
        s.append(Hex.id16(r.vendorId())).append('_').append(Hex.id16(r.deviceId()));
        r.subsystem().ifPresent(sub ->
                s.append('_').append(Hex.id16(sub.vendorId())).append('_').append(Hex.id16(sub.deviceId())));
        return s.toString();
    }

    /** The closing sentence, and what could not be opened when that leaves the walk incomplete. */
    static String verdict(Extraction x) {
        String found = found(x);
        List<LocatedFinding> unopened = x.incompleteFindings();
        if (unopened.isEmpty()) {
            return found;
        }
        String what = unopened.get(0).finding().message() + (unopened.size() == 1 ? ""
                : " (and " + (unopened.size() - 1) + " more reasons: see the findings)");
        if (x.roms().stream().noneMatch(CarvedRom::isDedicatedGpu)) {
            return "incomplete: the input could not be fully examined, so no verdict on a video BIOS: " + what;
        }
        return found + "; incomplete: more may be inside what could not be examined: " + what;
    }

    /** What was found, or why nothing useful was. */
    private static String found(Extraction x) {
        long nvidia = x.nvidiaCount();
        long display = x.displayCount();
        long intelOnly = x.roms().stream().filter(r -> r.isDisplay() && r.vendorId() == 0x8086).count();
        if (nvidia > 0) {
            String s = "found " + nvidia + " NVIDIA VBIOS image" + (nvidia == 1 ? "" : "s");
            return display > nvidia ? s + " and " + (display - nvidia) + " other display ROM"
                    + (display - nvidia == 1 ? "" : "s") : s;
        }
        if (display > intelOnly) {
            long n = display - intelOnly;
            return "found " + n + " video BIOS image" + (n == 1 ? "" : "s");
        }
        if (x.isIncomplete()) {
            return "no video BIOS found so far: the input could not be fully examined (" + Incomplete.codes(x.incomplete())
                    + ")";
        }
        if (display > 0) {
            return "no video BIOS found: this image only holds Intel/AMD ROMs; the dGPU probably has its own flash chip";
        }
        if (!x.roms().isEmpty()) {
            return "no video BIOS found: only " + x.roms().size() + " other option ROM" + (x.roms().size() == 1 ? "" : "s")
                    + " (storage/network); the GPU probably has its own flash chip";
        }
        return "no video BIOS found: no PCI option ROM in " + x.containerCounts().getOrDefault("volume", 0L)
                + " volumes and " + x.containerCounts().getOrDefault("section", 0L) + " sections walked";
    }
}
