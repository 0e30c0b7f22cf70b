package io.github.vbios.rom.patch;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.CodeType;
import io.github.vbios.rom.ContainerKind;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.RomView;
import io.github.vbios.rom.TailClassifier;
import io.github.vbios.rom.TrailingRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cuts a dump down to the romfile QEMU needs: exactly the PCI view (rom-format.md 1.9.2, 1.9.5),
 * from the first image's 55 AA to the end of the last PCI image. Works from the analysis the
 * rom room already made; it only decides what to keep and explains what it cut.
 */
public final class RomfileCleaner {
    private RomfileCleaner() {
    }

    /** The romfile bytes and the report that explains them. */
    // the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
    @SuppressWarnings("ArrayRecordComponent")
    public record Result(byte[] bytes, CleanReport report) {
    }

    /**
     * Cleans {@code file} (already analysed as {@code a}). With {@code keepNvidiaImages} the full NVIDIA
     * view is kept instead (people who flash want the private images, QEMU does not).
     *
     * @throws VbiosException INVALID_INPUT when there is no option ROM or its PCI chain is truncated
     */
    public static Result clean(ByteSlice file, RomAnalysis a, boolean keepNvidiaImages) {
        if (!a.isOptionRom()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, a.notARomReason());
        }
        RomView pci = a.pciView();
        if (pci.truncated()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the PCI chain is truncated: its images claim bytes "
                    + "past the end of the file (" + Hex.offset(file.length()) + "); the dump is incomplete, "
                    + "dump the whole ROM again (vbios dump) or take it from a vendor update (vbios extract)");
        }
        long start = pci.start();
        long end = keptEnd(a, keepNvidiaImages);
        selfContained(pci, end);
        byte[] bytes = file.slice(start, end - start).toArray();
        List<TrailingRegion> trailing = TailClassifier.classify(file, a, end);
        List<RomImage> kept = a.allImages().stream().filter(i -> i.offset() >= start && i.offset() < end).toList();
        boolean clean = start == 0 && end == file.length();
        CleanReport report = new CleanReport(file.length(), file.sha256(), a.container(), start, start, end,
                keepNvidiaImages, trailing, kept, notes(a, keepNvidiaImages), bytes.length,
                ByteSlice.of(bytes).sha256(), CleanReport.pow2ceil(bytes.length), clean);
        return new Result(bytes, report);
    }

    /** A PCIR outside the kept bytes (pointer past the image length) would be lost by the cut. */
    private static void selfContained(RomView pci, long end) {
        for (RomImage i : pci.images()) {
            if (i.pcir().offset() + 0x18 > end) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the image at " + Hex.offset(i.offset())
                        + " has its PCI data structure at " + Hex.offset(i.pcir().offset()) + ", beyond the end of the "
                        + "PCI view at " + Hex.offset(end) + ": the image lengths are wrong, so no romfile can be cut");
            }
        }
    }

    private static long keptEnd(RomAnalysis a, boolean keepNvidiaImages) {
        RomView nv = a.nvidiaView();
        if (keepNvidiaImages && !nv.isEmpty() && nv.start() == a.pciView().start() && !nv.truncated()) {
            return Math.max(a.pciView().end(), nv.end());
        }
        return a.pciView().end();
    }

    private static List<Finding> notes(RomAnalysis a, boolean keepNvidiaImages) {
        List<Finding> notes = new ArrayList<>();
        RomView pci = a.pciView();
        List<Long> pciOffsets = pci.images().stream().map(RomImage::offset).toList();
        List<RomImage> hidden = a.nvidiaImages().stream()
                .filter(i -> i.offset() < pci.end() && !pciOffsets.contains(i.offset())).toList();
        if (!hidden.isEmpty()) {
            notes.add(Finding.info(RomCode.LAYOUT_B_IMAGES_KEPT, hidden.get(0).offset(), "layout B: NVIDIA-only images "
                    + hidden.stream().map(i -> CodeType.name(i.codeType()) + " at " + Hex.offset(i.offset()))
                            .collect(Collectors.joining(", "))
                    + " lie inside the x86 image's PCIR length, so the PCI view (and the romfile) keeps them"));
        }
        if (!pci.complete()) {
            notes.add(Finding.info(RomCode.CHAIN_INCOMPLETE, pci.end(), "the PCI chain ends without a last-image flag at "
                    + Hex.offset(pci.end()) + "; firmware stops there too, so the romfile ends there"));
        }
        if (keepNvidiaImages && a.nvidiaView().truncated()) {
            notes.add(Finding.info(RomCode.NVIDIA_TRUNCATED, -1, "the NVIDIA chain is truncated; only the PCI view was kept"));
        }
        if (a.container().kind() == ContainerKind.SCAN_512 || a.container().kind() == ContainerKind.SCAN_FALLBACK) {
            notes.add(Finding.info(RomCode.FOUND_BY_SCAN, a.container().romStart(), "no container header was recognised; "
                    + "the option ROM was found by scanning (" + a.container().details() + ")"));
        }
        return notes;
    }
}
