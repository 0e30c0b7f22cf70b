package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.List;

/** The verdicts of issue 3: uefiCapable, romfileReady, shadowCopySuspect and the warnings. */
final class VerdictRules {
    private VerdictRules() {
    }

    static Verdict decide(ByteSlice file, Container c, RomView pci, RomView nvidia, List<X86Checksum> sums) {
        List<String> w = new ArrayList<>();
        if (pci.isEmpty()) {
            w.add("no PCI view: the chain at " + Hex.offset(c.romStart()) + " has no 55 AA/PCIR image firmware would accept");
            return new Verdict(false, false, false, w, "try: vbios extract");
        }
        boolean uefi = pci.images().stream().anyMatch(i -> i.isEfi() && i.efiPayload().map(EfiPayload::validX64Pe).orElse(false));
        boolean ready = pci.start() == 0 && pci.end() == file.length() && !pci.truncated();
        layoutWarnings(file, c, pci, w);
        imageWarnings(pci, sums, w);
        boolean shadow = shadowSuspect(pci, nvidia);
        String advice = null;
        if (shadow) {
            advice = "this looks like a shadow copy of a boot GPU's ROM (legacy image only, shrunk or modified at boot): "
                    + "dump the ROM with the GPU as secondary card, or take it from a vendor update (vbios extract)";
            w.add(advice);
        } else if (!ready) {
            advice = "run vbios patch to write the romfile (bytes " + Hex.offset(pci.start()) + "-" + Hex.offset(pci.end()) + ")";
        }
        return new Verdict(uefi, ready, shadow, w, advice);
    }

    private static void layoutWarnings(ByteSlice file, Container c, RomView pci, List<String> w) {
        if (pci.start() > 0) {
            w.add("leading data: the option ROM starts at " + Hex.offset(pci.start()) + " (" + c.kind().description()
                    + "); QEMU and OVMF need the file to start with 55 AA");
        }
        if (pci.truncated()) {
            w.add("truncated: the PCI chain claims bytes past the end of the file (" + Hex.offset(file.length()) + ")");
        } else if (!pci.complete()) {
            w.add("the PCI chain ends without a last-image flag at " + Hex.offset(pci.end()));
        }
        long trailing = file.length() - pci.end();
        if (trailing > 0) {
            ByteSlice tail = file.clamp(pci.end(), trailing);
            String kind = tail.isFilledWith(0xFF) ? "0xFF fill" : tail.isFilledWith(0) ? "zero fill" : "data";
            w.add("trailing " + kind + ": " + trailing + " bytes after the PCI view end " + Hex.offset(pci.end())
                    + " (QEMU sizes the ROM BAR by the file size)");
        }
    }

    private static void imageWarnings(RomView pci, List<X86Checksum> sums, List<String> w) {
        RomImage first = pci.images().get(0);
        for (RomImage i : pci.images()) {
            if (i.vendorId() != first.vendorId() || i.deviceId() != first.deviceId()) {
                w.add("image at " + Hex.offset(i.offset()) + " has IDs " + Hex.id16(i.vendorId()) + ":" + Hex.id16(i.deviceId())
                        + ", the first image " + Hex.id16(first.vendorId()) + ":" + Hex.id16(first.deviceId()));
            }
            i.efiHeader().filter(h -> h.machine() != EfiRomHeader.MACHINE_X64).ifPresent(h -> w.add("EFI image at "
                    + Hex.offset(i.offset()) + " is for " + EfiRomHeader.machineName(h.machine()) + ", not X64"));
            i.efiPayload().filter(p -> p.error() != null).ifPresent(p -> w.add("EFI image at "
                    + Hex.offset(i.offset()) + ": " + p.error()));
        }
        for (X86Checksum s : sums) {
            if (pci.images().stream().noneMatch(i -> i.offset() == s.imageOffset())) {
                continue;
            }
            if (!s.valid()) {
                w.add("x86 image at " + Hex.offset(s.imageOffset()) + ": checksum over the " + s.rule()
                        + " range is not zero");
            }
            if (!s.seabiosAccepts()) {
                w.add("x86 image at " + Hex.offset(s.imageOffset()) + ": SeaBIOS would reject it (sum over byte 2 = "
                        + s.byte2Length() + " bytes is not zero)");
            }
        }
    }

    /** Single x86 image, no EFI anywhere, image smaller than its PCIR length or checksum broken (issue 3). */
    private static boolean shadowSuspect(RomView pci, RomView nvidia) {
        if (pci.images().size() != 1 || !pci.images().get(0).isX86()) {
            return false;
        }
        if (nvidia.images().stream().anyMatch(RomImage::isEfi)) {
            return false;
        }
        RomImage x86 = pci.images().get(0);
        X86Checksum s = x86.x86Checksum().orElse(null);
        boolean shrunk = s != null && s.byte2Length() < s.pcirLength();
        return shrunk || pci.truncated() || (s != null && !s.valid());
    }
}
