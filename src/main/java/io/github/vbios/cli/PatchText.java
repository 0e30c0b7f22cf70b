package io.github.vbios.cli;

import io.github.vbios.io.Hex;
import io.github.vbios.plan.PatchNextSteps;
import io.github.vbios.rom.CodeType;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.TrailingRegion;
import io.github.vbios.rom.X86Checksum;
import io.github.vbios.rom.patch.ChecksumFixer;
import io.github.vbios.rom.patch.CleanReport;
import io.github.vbios.rom.patch.IdPatcher;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomfileCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Text rendering of {@code vbios patch}: what was cut and why, before anything is written. */
final class PatchText {
    private PatchText() {
    }

    static void report(PrintWriter out, String name, PatchOutcome o) {
        CleanReport r = o.clean();
        out.println(name + ": " + r.container().kind().description() + ", " + r.inputLength() + " bytes");
        if (r.alreadyClean()) {
            out.println("  already a clean romfile (exactly the " + (r.keepNvidiaImages() ? "NVIDIA" : "PCI")
                    + " view): nothing to cut" + (o.identicalToInput() ? ", writing an identical copy" : ""));
        }
        if (r.headerLength() > 0) {
            out.println("  cut before:  " + range(0, r.headerLength()) + ": " + r.container().details());
        }
        out.println("  kept:        " + range(r.keptStart(), r.keptEnd()) + ": the " + (r.keepNvidiaImages() ? "NVIDIA"
                : "PCI") + " view: " + images(r.keptImages()));
        for (String n : r.notes()) {
            out.println("  note:        " + n);
        }
        for (TrailingRegion t : r.trailing()) {
            out.println("  cut after:   " + range(t.offset(), t.end()) + ": " + t.description());
        }
        out.println("  romfile:     " + r.resultLength() + " bytes, sha256 " + o.sha256() + "; QEMU ROM BAR "
                + size(r.romBarSize()) + " (next power of two)");
        o.ids().ifPresent(ids -> ids(out, ids));
        o.checksums().ifPresent(c -> checksums(out, c));
        o.warnings().forEach(w -> out.println("  warning:     " + w));
    }

    /** After the write: the ROM-vs-GPU check and where the romfile goes, per stack. */
    static void nextSteps(PrintWriter out, PatchNextSteps next) {
        if (next.device() != null) {
            boolean ok = next.device().idsMatch() && !Boolean.FALSE.equals(next.device().subsystemMatches());
            out.println((ok ? "check: " : "WARNING: ") + next.device().message());
        }
        out.println("next steps:");
        for (PatchNextSteps.Stack s : next.stacks()) {
            out.println("  " + s.name() + ":");
            s.lines().forEach(l -> out.println("    " + l));
        }
    }

    private static void ids(PrintWriter out, IdPatcher.Result ids) {
        out.println("  set IDs " + Hex.id16(ids.vendorId()) + ":" + Hex.id16(ids.deviceId()) + " (offsets in the romfile):");
        for (IdPatcher.Change c : ids.changes()) {
            out.println("    " + CodeType.name(c.codeType()) + " image at " + Hex.offset(c.imageOffset()) + ": PCIR "
                    + Hex.id16(c.oldVendorId()) + ":" + Hex.id16(c.oldDeviceId()) + " -> " + Hex.id16(c.newVendorId()) + ":"
                    + Hex.id16(c.newDeviceId()));
        }
        ids.skipped().forEach(s -> out.println("    unchanged: " + s));
    }

    private static void checksums(PrintWriter out, ChecksumFixer.Result c) {
        out.println("  checksums (offsets in the romfile; sum before -> after):");
        for (int i = 0; i < c.after().size(); i++) {
            X86Checksum a = c.after().get(i);
            X86Checksum b = i < c.before().size() ? c.before().get(i) : a;
            out.println("    x86 image at " + Hex.offset(a.imageOffset()) + ": byte 2 range " + Hex.offset(a.byte2Length())
                    + " " + sum(b.byte2Sum()) + " -> " + sum(a.byte2Sum()) + ", PCIR length " + Hex.offset(a.pcirLength())
                    + " " + sum(b.pcirSum()) + " -> " + sum(a.pcirSum()) + (a.npdeLength() < 0 ? "" : ", NPDE length "
                    + Hex.offset(a.npdeLength()) + " " + sum(b.npdeSum()) + " -> " + sum(a.npdeSum()))
                    + (a.seabiosAccepts() ? "; SeaBIOS accepts it" : "; SeaBIOS rejects it"));
        }
        for (ChecksumFixer.Fix f : c.fixes()) {
            out.println("    fixed " + range(f.blockStart(), f.blockStart() + f.blockLength()) + " (sum 0x"
                    + Integer.toHexString(f.sumBefore()) + "): byte " + Hex.offset(f.byteOffset()) + " 0x"
                    + Integer.toHexString(f.oldValue()) + " -> 0x" + Integer.toHexString(f.newValue()) + ", " + f.why());
        }
        if (c.fixes().isEmpty()) {
            out.println("    every range already summed to zero: nothing changed");
        }
        c.notes().forEach(n -> out.println("    note: " + n));
        c.reasons().forEach(p -> out.println("    NOT FIXED: " + p));
    }

    static void check(PrintWriter out, String name, RomfileCheck c) {
        if (c.ok()) {
            out.println(name + ": a correct romfile (" + c.analysis().fileLength() + " bytes = the PCI view, "
                    + images(c.analysis().pciImages()) + "; checksums valid)");
        } else {
            out.println(name + ": not a correct romfile:");
            c.reasons().forEach(r -> out.println("  - " + r));
            var v = c.analysis().verdict();
            if (v.shadowCopySuspect() || v.efiDamaged()) {
                // patch would refuse it: the reasons above already say what to get instead (issue 15)
                out.println("  fix: not by patching: " + (v.efiDamaged() ? "dump the ROM again or download it again"
                        : "get the full ROM (the way out above)"));
            } else if (c.analysis().isOptionRom()) {
                out.println("  fix: vbios patch " + name + " -o romfile.rom" + (c.needsChecksumFix() ? " --fix-checksum" : ""));
            }
        }
        c.notes().forEach(n -> out.println("  note: " + n));
    }

    static String images(List<RomImage> images) {
        return images.stream().map(i -> CodeType.name(i.codeType()) + " " + Hex.id16(i.vendorId()) + ":"
                + Hex.id16(i.deviceId()) + " at " + Hex.offset(i.offset())).collect(Collectors.joining(", "));
    }

    private static String range(long from, long to) {
        return Hex.offset(from) + "-" + Hex.offset(to) + " (" + (to - from) + " bytes)";
    }

    private static String sum(int s) {
        return s < 0 ? "n/a" : String.format("0x%02X", s);
    }

    static String size(long bytes) {
        return bytes >= 1024 && bytes % 1024 == 0 ? (bytes / 1024) + " KiB" : bytes + " bytes";
    }
}
