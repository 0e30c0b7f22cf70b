package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.List;

/** The verdicts of issues 3 and 15: uefiCapable, romfileReady, shadow copy, damaged EFI image, warnings. */
final class VerdictRules {
    private VerdictRules() {
    }

    static Verdict decide(ByteSlice file, Container c, RomView pci, RomView nvidia, List<X86Checksum> sums) {
        Warnings w = new Warnings();
        if (pci.isEmpty()) {
            w.add(RomCode.NO_PCI_VIEW,
                    c.romStart(), "no PCI view: the chain at " + Hex.offset(c.romStart()) + " has no 55 AA/PCIR image firmware would accept");
            return Verdict.none(w.list, "try: vbios extract");
        }
        ShadowCopy shadow = ShadowCopy.detect(file, pci, nvidia).orElse(null);
        // a shadow copy lacks the EFI image the flash holds: "no" would be a guess (issue 15)
        Boolean uefi = shadow != null ? null
                : pci.images().stream().anyMatch(i -> i.isEfi() && i.efiPayload().map(EfiPayload::validX64Pe).orElse(false));
        boolean ready = pci.start() == 0 && pci.end() == file.length() && !pci.truncated();
        List<Finding> notes = new ArrayList<>();
        layoutWarnings(file, c, pci, w);
        boolean damaged = imageWarnings(pci, w, notes);
        checksumWarnings(file, pci, sums, w);
        String advice = null;
        if (shadow != null) {
            w.add(RomCode.SHADOW_COPY, -1, "shadow copy: " + shadow.sentence());
            advice = "shadow copy: this is " + ShadowCopy.SUMMARY + ". Way out: " + ShadowCopy.wayOutLine(null);
        } else if (damaged) {
            advice = "the dump is damaged (an X64 EFI image does not decompress to a valid PE32+): dump the ROM again "
                    + "or download it again; do not use it as romfile";
        } else if (!ready) {
            advice = "run vbios patch to write the romfile (bytes " + Hex.offset(pci.start()) + "-" + Hex.offset(pci.end()) + ")";
        }
        return new Verdict(uefi, ready, shadow, damaged, w.list, notes, advice);
    }

    private static void layoutWarnings(ByteSlice file, Container c, RomView pci, Warnings w) {
        if (pci.start() > 0) {
            w.add(RomCode.LEADING_DATA,
                    pci.start(), "leading data: the option ROM starts at " + Hex.offset(pci.start()) + " (" + c.kind().description()
                    + "); QEMU and OVMF need the file to start with 55 AA");
        }
        if (pci.truncated()) {
            w.add(RomCode.CHAIN_TRUNCATED,
                    file.length(), "truncated: the PCI chain claims bytes past the end of the file (" + Hex.offset(file.length()) + ")");
        } else if (!pci.complete() && pci.end() >= file.length()) {
            w.add(RomCode.CHAIN_ENDS_AT_EOF,
                    file.length(), "the PCI chain ends at the end of the file (" + Hex.offset(file.length())
                    + ") although its last image says more images follow");
        } else if (!pci.complete()) {
            w.add(RomCode.CHAIN_INCOMPLETE,
                    pci.end(), "the PCI chain ends without a last-image flag at " + Hex.offset(pci.end()));
        }
        long trailing = file.length() - pci.end();
        if (trailing > 0) {
            ByteSlice tail = file.clamp(pci.end(), trailing);
            String kind = tail.isFilledWith(0xFF) ? "0xFF fill" : tail.isFilledWith(0) ? "zero fill" : "data";
            w.add(RomCode.TRAILING_DATA,
                    pci.end(), "trailing " + kind + ": " + trailing + " bytes after the PCI view end " + Hex.offset(pci.end())
                    + " (QEMU sizes the ROM BAR by the file size)");
        }
    }

    /** Warnings about IDs and EFI images; true when an X64 EFI image is damaged. */
    private static boolean imageWarnings(RomView pci, Warnings w, List<Finding> notes) {
        RomImage first = pci.images().get(0);
        boolean damaged = false;
        for (RomImage i : pci.images()) {
            if (i.isEfi() && i.vendorId() == 0 && i.deviceId() == 0) {
                // NVIDIA ships Turing-mobile and Ampere GOP images so; OVMF ignores EFI image IDs
                notes.add(Finding.info(RomCode.EFI_IDS_ZERO, i.offset(), "EFI image at " + Hex.offset(i.offset())
                        + " has IDs 0000:0000 (usual for NVIDIA GOP images; OVMF does not check them)"));
            } else if (i.vendorId() != first.vendorId() || i.deviceId() != first.deviceId()) {
                w.add(RomCode.IDS_DIFFER,
                        i.offset(), "image at " + Hex.offset(i.offset()) + " has IDs " + Hex.id16(i.vendorId()) + ":" + Hex.id16(i.deviceId())
                        + ", the first image " + Hex.id16(first.vendorId()) + ":" + Hex.id16(first.deviceId()));
            }
            i.efiHeader().filter(h -> h.machine() != EfiRomHeader.MACHINE_X64).ifPresent(h -> w.add(RomCode.EFI_NOT_X64,
                    i.offset(), "EFI image at "
                    + Hex.offset(i.offset()) + " is for " + EfiRomHeader.machineName(h.machine()) + ", not X64"));
            boolean x64 = i.efiHeader().map(h -> h.machine() == EfiRomHeader.MACHINE_X64).orElse(false);
            EfiPayload p = i.efiPayload().orElse(null);
            if (x64 && p != null && !p.validX64Pe()) {
                damaged = true;
                w.add(RomCode.EFI_DAMAGED,
                        i.offset(), "EFI image at " + Hex.offset(i.offset()) + " claims X64 EFI but does not decode to a valid PE32+ ("
                        + (p.error() != null ? p.error() : "PE machine " + Hex.id16(Math.max(p.peMachine(), 0)))
                        + "): the dump is damaged; dump the ROM again or download it again");
            } else if (p != null && p.error() != null) {
                w.add(RomCode.EFI_UNREADABLE, i.offset(), "EFI image at " + Hex.offset(i.offset()) + ": " + p.error());
            }
        }
        return damaged;
    }

    private static void checksumWarnings(ByteSlice file, RomView pci, List<X86Checksum> sums, Warnings w) {
        for (X86Checksum s : sums) {
            if (pci.images().stream().noneMatch(i -> i.offset() == s.imageOffset())) {
                continue;
            }
            long deciding = s.rule().equals("byte2") ? s.byte2Length() : s.pcirLength();
            int decidingSum = s.rule().equals("byte2") ? s.byte2Sum() : s.pcirSum();
            if (decidingSum < 0) {
                w.add(RomCode.CHECKSUM_RANGE_PAST_END,
                        s.imageOffset(), "x86 image at " + Hex.offset(s.imageOffset()) + ": the " + s.rule() + " range (" + deciding
                        + " bytes) runs past the end of the " + file.length() + "-byte file; no checksum to judge");
            } else if (!s.valid()) {
                w.add(RomCode.CHECKSUM_INVALID,
                        s.imageOffset(), "x86 image at " + Hex.offset(s.imageOffset()) + ": checksum over the " + s.rule()
                        + " range is not zero");
            }
            if (s.byte2Sum() < 0 && s.byte2Length() > 0 && deciding != s.byte2Length()) {
                w.add(RomCode.BYTE2_PAST_END,
                        s.imageOffset(), "x86 image at " + Hex.offset(s.imageOffset()) + ": byte 2 claims " + s.byte2Length()
                        + " bytes, past the end of the " + file.length() + "-byte file; SeaBIOS would reject it");
            } else if (s.byte2Sum() >= 0 && !s.seabiosAccepts()) {
                w.add(RomCode.SEABIOS_CHECKSUM_INVALID,
                        s.imageOffset(), "x86 image at " + Hex.offset(s.imageOffset()) + ": SeaBIOS would reject it (sum over byte 2 = "
                        + s.byte2Length() + " bytes is not zero)");
            }
        }
    }

    /** The verdict's warnings as they are found, each with its code. */
    private static final class Warnings {
        final List<Finding> list = new ArrayList<>();

        void add(RomCode code, long offset, String sentence) {
            list.add(Finding.warning(code, offset, sentence));
        }
    }
}
