package io.github.vbios.plan;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Limits;
import io.github.vbios.firmware.LocatedFinding;
import io.github.vbios.firmware.Provenance;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.Severity;
import io.github.vbios.rom.ContainerKind;
import io.github.vbios.rom.FoundRom;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * What the input was and the display ROMs found in it: {@code candidates} are the dGPU ROMs
     * (NVIDIA first; listed and numbered for {@code --pick}), {@code integrated} the other display
     * ROMs (the iGPU's), used only when {@code --ids} names one.
     */
    public record Found(String inputKind, List<OptimusCandidate> candidates, List<OptimusCandidate> integrated,
                        List<Finding> notes, List<String> unopened) {
        public Found {
            candidates = List.copyOf(candidates);
            integrated = List.copyOf(integrated);
            notes = List.copyOf(notes);
            unopened = List.copyOf(unopened);
        }

        Found(String inputKind, List<OptimusCandidate> candidates, List<OptimusCandidate> integrated,
              List<Finding> notes) {
            this(inputKind, candidates, integrated, notes, List.of());
        }
    }

    private OptimusSource() {
    }

    private static List<OptimusCandidate> numbered(List<CarvedRom> roms) {
        List<OptimusCandidate> out = new ArrayList<>();
        for (CarvedRom r : roms) {
            out.add(new OptimusCandidate(out.size() + 1, r));
        }
        return out;
    }

    private static String ids(CarvedRom r) {
        return Hex.id16(r.vendorId()) + ":" + Hex.id16(r.deviceId());
    }

    public static Found read(ByteSlice data, String name, ExternalTools tools) {
        RomAnalysis a = RomAnalyzer.analyze(data);
        if (a.isOptionRom() && DIRECT.contains(a.container().kind())) {
            ByteSlice view = data.slice(a.pciView().start(), a.pciView().length());
            RomAnalysis clean = RomAnalyzer.analyze(view);
            FoundRom found = new FoundRom(0, view.length(), FoundRom.Source.PCI_CHAIN, clean);
            CarvedRom rom = new CarvedRom(view.sha256(), view, found, Provenance.root(name).child(
                    a.container().kind().jsonName() + " @0x" + Long.toHexString(a.pciView().start())), List.of(),
                    a.nvidiaBeyondPci() ? data.slice(a.nvidiaView().start(), a.nvidiaView().length()) : view);
            String kind = a.container().kind() == ContainerKind.PLAIN && a.pciView().start() == 0
                    && a.pciView().length() == data.length() ? "rom" : "dump";
            List<Finding> notes = new ArrayList<>();
            if (!rom.isDisplay()) {
                notes.add(PlanCode.ROM_NOT_DISPLAY.note(name + " is an option ROM for class " + String.format("%06x", rom.classCode())
                        + ", not a display controller"));
            }
            List<OptimusCandidate> one = rom.isDisplay() ? List.of(new OptimusCandidate(1, rom)) : List.of();
            return rom.isDedicatedGpu() ? new Found(kind, one, List.of(), notes) : new Found(kind, List.of(), one, notes);
        }
        Extraction x = Extractor.run(data, name, Limits.defaults(), tools);
        List<CarvedRom> display = x.roms().stream().filter(CarvedRom::isDisplay).toList();
        // The dGPU is the NVIDIA one; another dGPU vendor's ROM (AMD) only when no NVIDIA ROM is there.
        List<CarvedRom> nvidia = display.stream().filter(CarvedRom::isNvidia).toList();
        List<CarvedRom> chosen = nvidia.isEmpty() ? display.stream().filter(CarvedRom::isDedicatedGpu).toList() : nvidia;
        List<CarvedRom> others = display.stream().filter(r -> !chosen.contains(r)).toList();
        List<Finding> notes = new ArrayList<>();
        // one note per vendor:device, however many copies or variants of that iGPU ROM the image holds
        Map<String, Long> otherIds = new LinkedHashMap<>();
        others.forEach(r -> otherIds.merge(ids(r), 1L, Long::sum));
        otherIds.forEach((id, n) -> notes.add(PlanCode.IGPU_ROM_FOUND.note("also found the video BIOS " + id + " (integrated GPU"
                + (n > 1 ? ", " + n + " variants" : "") + "), not a candidate for the dGPU; --ids " + id
                + " uses it anyway")));
        x.findings().stream().filter(f -> f.finding().severity() != Severity.INFO).limit(10)
                .forEach(f -> notes.add(new Finding(f.finding().severity(), -1, f.toString(), f.finding().code())));
        // parts the walk could not open (issue 15): with no dGPU ROM that is "incomplete", not "none"
        List<String> unopened = x.incompleteFindings().stream().map(LocatedFinding::toString).toList();
        return new Found("firmware", numbered(chosen), numbered(others), notes, unopened);
    }
}
