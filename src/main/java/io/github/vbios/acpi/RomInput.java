package io.github.vbios.acpi;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.RomView;
import io.github.vbios.rom.ShadowCopy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ROM {@code _ROM} will serve, checked by the rom room first. {@code _ROM} stands in for the
 * card's own flash, so it serves the <em>NVIDIA view</em> (rom-format.md 1.9.3): nouveau and
 * NVIDIA's driver follow the NPDE chain past the EFI image into the NVIDIA-only images (0xE0,
 * NBSI) of layout-A ROMs (Kepler, Turing, Ampere, Ada, Blackwell) and remap BIT pointers into
 * them. Where both views end at the same byte (layout B, AMD) that is the PCI view, the romfile.
 * The served bytes start at the first image's {@code 55 AA}; a file with anything before or after
 * them is refused unless {@code clean} cuts them out.
 *
 * @param bytes     what the tables will contain
 * @param cleaned   true when the served view was cut out of a larger file
 * @param analysis  what the rom room said about the input
 * @param view      {@code nvidia} when the served bytes run past the PCI view, else {@code pci}
 * @param viewStart offset of the served bytes in the input
 * @param viewEnd   offset just after them
 * @param findings  what the user should act on (codes in {@link SsdtFinding})
 */
// the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
@SuppressWarnings("ArrayRecordComponent")
public record RomInput(byte[] bytes, boolean cleaned, RomAnalysis analysis, String view, long viewStart,
                       long viewEnd, List<SsdtFinding> findings) {
    public static final String VIEW_PCI = "pci";
    public static final String VIEW_NVIDIA = "nvidia";

    public RomInput {
        findings = List.copyOf(findings);
    }

    /** Analyses {@code file} (named {@code name} in messages); throws exit-3 errors with the fix to run. */
    public static RomInput check(ByteSlice file, String name, boolean clean) {
        RomAnalysis a = RomAnalyzer.analyze(file);
        if (!a.isOptionRom()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": " + a.notARomReason());
        }
        if (a.verdict().shadowCopySuspect()) {
            // a boot GPU's shadow copy was changed at boot: the tables would serve it to the guest driver (issue 15)
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": this is " + a.verdict().shadow().sentence()
                    + "; way out: " + ShadowCopy.wayOutLine(null));
        }
        RomView pci = a.pciView();
        boolean nvidia = a.nvidiaBeyondPci();
        long start = pci.start();
        long end = nvidia ? a.nvidiaView().end() : pci.end();
        List<SsdtFinding> findings = new ArrayList<>();
        if (nvidia) {
            findings.add(new SsdtFinding(AcpiCode.NVIDIA_VIEW_SERVED, "info", "_ROM serves the NVIDIA view "
                    + Hex.offset(start) + "-" + Hex.offset(end) + " (" + (end - start) + " bytes, "
                    + a.nvidiaImages().size() + " images): the PCI view " + Hex.offset(pci.start()) + "-"
                    + Hex.offset(pci.end()) + " (the romfile) plus the NVIDIA-only images the driver reads from"
                    + " the card's flash"));
        } else if (nvidiaImagesMissing(a, file.length())) {
            findings.add(missing(name, a));
        }
        String view = nvidia ? VIEW_NVIDIA : VIEW_PCI;
        boolean exact = start == 0 && end == file.length();
        if (exact && (nvidia || a.verdict().romfileReady())) {
            return new RomInput(file.toArray(), false, a, view, start, end, findings);
        }
        if (pci.truncated()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": the option ROM is truncated (its "
                    + "PCI chain claims bytes past the end of the file); the tables would serve a broken VBIOS");
        }
        if (!clean) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": not a clean romfile: the "
                    + (nvidia ? "NVIDIA" : "PCI") + " view is " + Hex.offset(start) + "-" + Hex.offset(end) + " of a "
                    + file.length() + "-byte file (" + String.join("; ", a.verdict().warnings()) + "). "
                    + (nvidia ? "Pass --clean to cut it out on the fly (vbios patch would write only the PCI view, "
                    + "the romfile, without the NVIDIA-only images _ROM must serve)"
                    : "Run: vbios patch " + name + " -o " + suggested(name) + " and use that file, or pass --clean to "
                    + "cut it out on the fly"));
        }
        return new RomInput(file.slice(start, end - start).toArray(), true, a, view, start, end, findings);
    }

    /**
     * A layout-A NVIDIA ROM cut down to its PCI view (what the ROM BAR and /sys/.../rom show): the
     * NVIDIA chain runs to the end of the input, and its last image there is marked last by its PCIR
     * but not by its NPDE, so NVIDIA's walk expects more images after it.
     */
    public static boolean nvidiaImagesMissing(RomAnalysis a, long inputLength) {
        RomView nv = a.nvidiaView();
        if (nv.isEmpty() || nv.complete() || nv.end() < inputLength || a.pciImages().get(0).vendorId() != 0x10DE) {
            return false;
        }
        RomImage lastImage = nv.images().get(nv.images().size() - 1);
        return lastImage.last() && lastImage.npde().filter(n -> n.honoured() && n.hasLastFlag() && !n.last())
                .isPresent();
    }

    static SsdtFinding missing(String name, RomAnalysis a) {
        return new SsdtFinding(AcpiCode.NVIDIA_IMAGES_MISSING, "warning", name + " holds only the PCI view of a "
                + "layout-A NVIDIA ROM (Kepler, Turing, Ampere, Ada, Blackwell): its last image's NPDE says more images "
                + "follow after the EFI image (the NVIDIA-only 0xE0/NBSI images; the file ends at "
                + Hex.offset(a.nvidiaView().end()) + "), which the NVIDIA driver and nouveau read through _ROM. "
                + "The ROM BAR (/sys/bus/pci/devices/*/rom, vbios dump) never shows them. Use a full flash dump "
                + "(nvflash --save, a programmer dump, TechPowerUp's file) or the ROM inside the laptop's BIOS update: "
                + "vbios extract UPDATE -o DIR --nvidia-view, then pass that file");
    }

    static String suggested(String name) {
        String file = Path.of(name).getFileName().toString();
        return file.replaceAll("\\.(rom|bin)$", "") + "-romfile.rom";
    }
}
