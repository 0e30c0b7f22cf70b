package io.github.vbios.rom.patch;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.CodeType;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.X86Checksum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks a romfile must pass before it is moved into place (issue 4): it re-parses to a
 * romfile-ready chain with the same images and the same checksums as intended. Returns the
 * differences as sentences; an empty list means the romfile is good.
 */
final class RomfileVerifier {
    private RomfileVerifier() {
    }

    /** The in-memory romfile against the input it came from (catches logic errors before any write). */
    static List<String> againstInput(RomAnalysis in, CleanReport clean, RomAnalysis out, PatchOutcomeParts parts) {
        List<String> p = new ArrayList<>(readiness(out, clean.keepNvidiaImages(), clean.resultLength()));
        long shift = clean.keptStart();
        List<RomImage> a = in.pciImages();
        List<RomImage> b = out.pciImages();
        if (a.size() != b.size()) {
            p.add("the romfile has " + b.size() + " PCI images, the input " + a.size());
            return p;
        }
        Map<Long, IdPatcher.Change> changed = parts.idChanges().stream()
                .collect(Collectors.toMap(IdPatcher.Change::imageOffset, c -> c, (x, y) -> x));
        for (int k = 0; k < a.size(); k++) {
            RomImage i = a.get(k);
            RomImage o = b.get(k);
            IdPatcher.Change c = changed.get(o.offset());
            int vendor = c != null ? c.newVendorId() : i.vendorId();
            int device = c != null ? c.newDeviceId() : i.deviceId();
            if (o.offset() != i.offset() - shift || o.codeType() != i.codeType() || o.pcirLength() != i.pcirLength()
                    || o.last() != i.last() || o.vendorId() != vendor || o.deviceId() != device) {
                p.add("image " + k + " differs: input " + describe(i, shift) + ", romfile " + describe(o, 0));
            }
        }
        if (!parts.checksumsFixed()) {
            p.addAll(sameSums(in, out, clean));
        }
        return p;
    }

    /** The written file against the in-memory romfile (catches anything lost on the way to disk). */
    static List<String> againstWritten(ByteSlice written, PatchOutcome expected) {
        List<String> p = new ArrayList<>();
        String sha = written.sha256();
        if (!sha.equals(expected.sha256())) {
            p.add("the written bytes differ from the prepared romfile (sha256 " + sha + ")");
        }
        RomAnalysis got = RomAnalyzer.analyze(written);
        p.addAll(readiness(got, expected.clean().keepNvidiaImages(), expected.bytes().length));
        if (!signature(got.pciImages()).equals(signature(expected.output().pciImages()))) {
            p.add("the written file re-parses to other images: " + signature(got.pciImages()));
        }
        if (!got.checksums().equals(expected.output().checksums())) {
            p.add("the written file re-parses to other checksums: " + got.checksums());
        }
        return p;
    }

    private static List<String> readiness(RomAnalysis out, boolean keepNvidia, long length) {
        List<String> p = new ArrayList<>();
        if (!out.isOptionRom() || out.pciView().start() != 0) {
            p.add("the romfile does not start with the first image's 55 AA");
            return p;
        }
        // not verdict().romfileReady(): the bytes checked here are the PCI view firmware walks, whatever else
        // the verdict says about them (a shadow copy written with --allow-shadow is still exactly that view)
        if (!keepNvidia && out.pciView().end() != length) {
            p.add("the romfile is not exactly the PCI view (ends at " + Hex.offset(out.pciView().end()) + " of "
                    + Hex.offset(length) + ")");
        }
        if (keepNvidia && Math.max(out.pciView().end(), out.nvidiaView().end()) != length) {
            p.add("the file is not exactly the NVIDIA view (ends at " + Hex.offset(out.nvidiaView().end()) + ")");
        }
        return p;
    }

    /** Without --fix-checksum every range that lies inside the kept bytes must sum as before. */
    private static List<String> sameSums(RomAnalysis in, RomAnalysis out, CleanReport clean) {
        List<String> p = new ArrayList<>();
        long shift = clean.keptStart();
        for (X86Checksum c : ChecksumFixer.pciChecksums(in)) {
            X86Checksum d = ChecksumFixer.pciChecksums(out).stream()
                    .filter(x -> x.imageOffset() == c.imageOffset() - shift).findFirst().orElse(null);
            if (d == null) {
                p.add("x86 image at " + Hex.offset(c.imageOffset()) + " lost its checksum ranges");
                continue;
            }
            long end = clean.keptEnd();
            if (c.imageOffset() + c.byte2Length() <= end && c.byte2Sum() != d.byte2Sum()
                    || c.imageOffset() + c.pcirLength() <= end && c.pcirSum() != d.pcirSum()
                    || c.imageOffset() + c.npdeLength() <= end && c.npdeSum() != d.npdeSum()) {
                p.add("x86 image at " + Hex.offset(c.imageOffset()) + ": checksums changed from " + c + " to " + d);
            }
        }
        return p;
    }

    static String signature(List<RomImage> images) {
        return images.stream().map(i -> describe(i, 0)).collect(Collectors.joining("; "));
    }

    private static String describe(RomImage i, long shift) {
        return Hex.offset(i.offset() - shift) + " " + CodeType.name(i.codeType()) + " " + Hex.id16(i.vendorId()) + ":"
                + Hex.id16(i.deviceId()) + " len " + Hex.offset(i.pcirLength()) + (i.last() ? " last" : "");
    }

    /** What the input-side check needs to know about the edits. */
    record PatchOutcomeParts(List<IdPatcher.Change> idChanges, boolean checksumsFixed) {
    }
}
