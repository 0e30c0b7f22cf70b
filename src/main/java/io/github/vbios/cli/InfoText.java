package io.github.vbios.cli;

import io.github.vbios.io.Hex;
import io.github.vbios.rom.AmdIdentity;
import io.github.vbios.rom.EfiRomHeader;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.ShadowCopy;
import io.github.vbios.rom.Verdict;
import io.github.vbios.rom.X86Checksum;
import io.github.vbios.rom.nvidia.Npde;
import io.github.vbios.rom.nvidia.NvidiaIdentity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Text rendering of {@link RomAnalysis} for people: the verdict line first, then the image table. */
final class InfoText {
    private InfoText() {
    }

    /** "1 image", "2 images". */
    static String images(int n) {
        return n + (n == 1 ? " image" : " images");
    }

    static void print(PrintWriter out, String name, RomAnalysis a) {
        out.println(verdictLine(name, a));
        out.printf("  container   %s (%s)%n", a.container().kind().jsonName(), a.container().details());
        out.printf("  PCI view    %s-%s (%d bytes, %s) sha256 %s%n", Hex.offset(a.pciView().start()),
                Hex.offset(a.pciView().end()), a.pciView().length(), images(a.pciImages().size()), a.pciView().sha256());
        out.printf("  NVIDIA view %s-%s (%s)%n", Hex.offset(a.nvidiaView().start()),
                Hex.offset(a.nvidiaView().end()), images(a.nvidiaImages().size()));
        out.printf("  %-8s %-4s %-4s %-9s %-6s %-10s %-8s %-4s %-22s %-10s %s%n", "offset", "sig", "ds", "ids",
                "class", "type", "PCIRlen", "last", "NPDE rev/len/size/last", "views", "notes");
        for (RomImage i : a.allImages()) {
            out.println("  " + row(i, a));
        }
        a.identity().nvidia().ifPresent(nv -> printNvidia(out, nv));
        a.identity().amd().ifPresent(amd -> printAmd(out, amd));
        for (X86Checksum c : a.checksums()) {
            out.printf("  checksum x86@%s: byte2 %s, PCIR length %s, NPDE length %s -> %s (%s rule), SeaBIOS %s%n",
                    Hex.offset(c.imageOffset()), sum(c.byte2Length(), c.byte2Sum()), sum(c.pcirLength(), c.pcirSum()),
                    c.npdeLength() < 0 ? "n/a" : sum(c.npdeLength(), c.npdeSum()), verdict(c),
                    c.rule(), c.seabiosAccepts() ? "accepts" : "REJECTS");
        }
        for (String w : a.verdict().warnings()) {
            out.println("  warning: " + w);
        }
        for (String n : a.verdict().notes()) {
            out.println("  note: " + n);
        }
        if (a.verdict().shadowCopySuspect()) {
            out.println("  way out (in order):");
            List<String> way = ShadowCopy.wayOut(null);
            for (int i = 0; i < way.size(); i++) {
                out.println("    " + (i + 1) + ") " + way.get(i));
            }
        } else if (a.verdict().efiDamaged()) {
            out.println("  advice: " + a.verdict().advice());
        }
    }

    static String verdictLine(String name, RomAnalysis a) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(a.identity().vendorName()).append(' ')
                .append(Hex.id16(a.identity().vendorId())).append(':').append(Hex.id16(a.identity().deviceId()));
        a.identity().nvidia().map(NvidiaIdentity::version).ifPresent(v -> sb.append(" VBIOS ").append(v));
        a.identity().amd().map(AmdIdentity::version).ifPresent(v -> sb.append(" ATOM ").append(v));
        sb.append(", ").append(a.container().kind().description());
        Verdict v = a.verdict();
        if (v.shadowCopySuspect()) {
            sb.append("; shadow copy: no romfile (see the way out below)");
        } else if (v.efiDamaged()) {
            sb.append("; damaged EFI image: no romfile (dump or download it again)");
        } else if (v.romfileReady()) {
            sb.append("; romfile-ready (the file is exactly the PCI view)");
        } else {
            sb.append("; romfile = bytes ").append(Hex.offset(a.pciView().start())).append('-')
                    .append(Hex.offset(a.pciView().end())).append(" (run vbios patch)");
        }
        sb.append("; UEFI: ").append(v.uefiText());
        a.pciImages().stream().filter(RomImage::isEfi).map(RomImage::gopVersion).flatMap(Optional::stream)
                .filter(g -> g != 0).reduce((x, y) -> y)
                .ifPresent(g -> sb.append(" (GOP ").append(InfoJson.gopHex(g)).append(')'));
        return sb.toString();
    }

    private static String row(RomImage i, RomAnalysis a) {
        String npde = i.npde().map(InfoText::npde).orElse("-");
        List<String> views = new ArrayList<>();
        if (a.pciImages().contains(i)) {
            views.add("pci");
        }
        if (a.nvidiaImages().contains(i)) {
            views.add("nv");
        }
        return String.format(Locale.ROOT, "%-8s %-4s %-4s %-9s %06x %-10s %-8s %-4s %-22s %-10s %s",
                Hex.offset(i.offset()), i.signature().text(), i.dataStructure(),
                Hex.id16(i.vendorId()) + ":" + Hex.id16(i.deviceId()), i.classCode(), i.codeTypeName(),
                Hex.offset(i.pcirLength()), i.last() ? "yes" : "no", npde, String.join(",", views), notes(i));
    }

    private static String npde(Npde p) {
        return String.format(Locale.ROOT, "%s/0x%X/%s/%s", p.revisionText(), p.length(), Hex.offset(p.subImageLength()),
                p.hasLastFlag() ? (p.last() ? "yes" : "no") : "-");
    }

    private static String notes(RomImage i) {
        StringBuilder sb = new StringBuilder();
        i.efiHeader().ifPresent(h -> sb.append(EfiRomHeader.machineName(h.machine()))
                .append(" subsystem ").append(h.subsystem()).append(" compression ").append(h.compressionType()));
        i.efiPayload().ifPresent(p -> {
            if (p.decoded()) {
                sb.append(", PE ").append(p.decompressedSize()).append(" bytes sha256 ")
                        .append(p.decompressedSha256(), 0, 16);
            } else {
                sb.append(", ").append(p.error());
            }
            if (p.gopName() != null) {
                sb.append(", ").append(p.gopName());
            }
        });
        i.gopVersion().filter(g -> g != 0).ifPresent(g -> sb.append(", GOP ").append(InfoJson.gopHex(g)));
        i.x86Header().filter(x -> x.date() != null).ifPresent(x -> sb.append("date ").append(x.date()));
        return sb.toString();
    }

    /** "valid", "INVALID", or "n/a" when the deciding range runs past the end of the file. */
    private static String verdict(X86Checksum c) {
        int deciding = c.rule().equals("byte2") ? c.byte2Sum() : c.pcirSum();
        return deciding < 0 ? "n/a" : c.valid() ? "valid" : "INVALID";
    }

    private static String sum(long length, int sum) {
        return sum < 0 ? Hex.offset(length) + " (past end)" : Hex.offset(length) + String.format(Locale.ROOT, " sum %02X", sum);
    }

    private static void printNvidia(PrintWriter out, NvidiaIdentity nv) {
        out.printf("  NVIDIA      BIT at %s, version %s, date %s (x86 header %s)%n", Hex.offset(nv.bitOffset()),
                nv.version(), nv.date(), nv.headerDate());
        out.printf("              version string \"%s\", sign-on \"%s\"%n", nv.versionString(), nv.signOn());
    }

    private static void printAmd(PrintWriter out, AmdIdentity amd) {
        out.printf("  AMD         ATOM %s, \"%s\", P/N %s, date %s%n", amd.version(), amd.name(), amd.partNumber(), amd.date());
    }
}
