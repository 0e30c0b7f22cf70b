package io.github.vbios.plan;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.ExternalTools;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Limits;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.ContainerKind;
import io.github.vbios.rom.FoundRom;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Step 1 of {@code vbios optimus}: what is the input, and which video BIOS images does it hold?
 * A clean ROM or a GPU flash dump (a container the rom room recognises, rom-format.md 1.9.1) gives
 * its own PCI view; anything else (BIOS update, firmware image, archive, {@code .reg} export) goes
 * through the firmware room's extractor, as {@code vbios extract} does.
 */
public final class OptimusSource {
    /** The kinds that say "this file is one GPU's ROM", not a container of many. */
    private static final Set<ContainerKind> DIRECT = EnumSet.of(ContainerKind.PLAIN, ContainerKind.NVGI_V1,
            ContainerKind.NVGI_V2, ContainerKind.NVGI_V3, ContainerKind.NVFW_RFRD_V4);

    /** What the input was and the display ROMs found in it, NVIDIA first. */
    public record Found(String inputKind, List<OptimusCandidate> candidates, List<String> notes) {
    }

    private OptimusSource() {
    }

    public static Found read(ByteSlice data, String name, ExternalTools tools) {
        RomAnalysis a = RomAnalyzer.analyze(data);
        if (a.isOptionRom() && DIRECT.contains(a.container().kind())) {
            ByteSlice view = data.slice(a.pciView().start(), a.pciView().length());
            RomAnalysis clean = RomAnalyzer.analyze(view);
            FoundRom found = new FoundRom(0, view.length(), FoundRom.Source.PCI_CHAIN, clean);
            CarvedRom rom = new CarvedRom(view.sha256(), view, found, name + " > " + a.container().kind().jsonName()
                    + " @0x" + Long.toHexString(a.pciView().start()), List.of(),
                    a.nvidiaBeyondPci() ? data.slice(a.nvidiaView().start(), a.nvidiaView().length()) : view);
            String kind = a.container().kind() == ContainerKind.PLAIN && a.pciView().start() == 0
                    && a.pciView().length() == data.length() ? "rom" : "dump";
            List<String> notes = new ArrayList<>();
            if (!rom.isDisplay()) {
                notes.add(name + " is an option ROM for class " + String.format("%06x", rom.classCode())
                        + ", not a display controller");
            }
            return new Found(kind, rom.isDisplay() ? List.of(new OptimusCandidate(1, rom)) : List.of(), notes);
        }
        Extraction x = Extractor.run(data, name, Limits.defaults(), tools);
        List<CarvedRom> display = x.roms().stream().filter(CarvedRom::isDisplay).toList();
        // The dGPU is the NVIDIA one; the iGPU's ROM (Intel/AMD) is only a candidate when no NVIDIA ROM is there.
        List<CarvedRom> nvidia = display.stream().filter(CarvedRom::isNvidia).toList();
        List<CarvedRom> chosen = nvidia.isEmpty() ? display : nvidia;
        List<OptimusCandidate> candidates = new ArrayList<>();
        for (CarvedRom r : chosen) {
            candidates.add(new OptimusCandidate(candidates.size() + 1, r));
        }
        List<String> notes = new ArrayList<>();
        display.stream().filter(r -> !chosen.contains(r)).forEach(r -> notes.add("also found the video BIOS "
                + io.github.vbios.io.Hex.id16(r.vendorId()) + ":" + io.github.vbios.io.Hex.id16(r.deviceId())
                + " (integrated GPU), not a candidate for the dGPU"));
        x.findings().stream().filter(f -> f.finding().severity() != io.github.vbios.io.Severity.INFO).limit(10)
                .forEach(f -> notes.add(f.toString()));
        return new Found("firmware", candidates, notes);
    }
}
