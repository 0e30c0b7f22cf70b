package io.github.vbios.rom;

import io.github.vbios.io.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link RomAnalyzer} learned about one file.
 *
 * @param fileLength bytes in the analysed input
 * @param container where the option ROM starts and which rule found it
 * @param pciView the PCI view (rom-format.md 1.9.2): what a romfile must contain
 * @param nvidiaView the NVIDIA view (1.9.3)
 * @param checksums the x86 checksum ranges of every x86 image in either view
 * @param findings everything noticed, in order
 */
public record RomAnalysis(long fileLength, Container container, RomView pciView, RomView nvidiaView,
                          Identity identity, List<X86Checksum> checksums, Verdict verdict, List<Finding> findings) {
    public RomAnalysis {
        checksums = List.copyOf(checksums);
        findings = List.copyOf(findings);
    }

    /** True when a PCI option ROM (55 AA + PCIR chain) was found. */
    public boolean isOptionRom() {
        return container.found() && !pciView.isEmpty();
    }

    /**
     * The NVIDIA view holds images past the end of the PCI view (layout A, rom-format.md 1.9.4):
     * same start, ends later, reached an image marked last and is not cut off by the end of the
     * input. Those bytes are what the card's flash gives the NVIDIA driver; the romfile is the PCI view.
     */
    public boolean nvidiaBeyondPci() {
        return !nvidiaView.isEmpty() && nvidiaView.start() == pciView.start() && nvidiaView.end() > pciView.end()
                && nvidiaView.complete() && !nvidiaView.truncated();
    }

    public List<RomImage> pciImages() {
        return pciView.images();
    }

    public List<RomImage> nvidiaImages() {
        return nvidiaView.images();
    }

    /** Every image of both views once, ordered by offset. */
    public List<RomImage> allImages() {
        Map<Long, RomImage> m = new LinkedHashMap<>();
        for (RomImage i : pciView.images()) {
            m.put(i.offset(), i);
        }
        for (RomImage i : nvidiaView.images()) {
            m.putIfAbsent(i.offset(), i);
        }
        List<RomImage> all = new ArrayList<>(m.values());
        all.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return all;
    }

    /** Why this is not an option ROM, as a code: {@link RomCode#LEGACY_NO_PCIR} or {@link RomCode#NOT_FOUND}. */
    public RomCode notARomCode() {
        return findings.stream().anyMatch(f -> f.is(RomCode.LEGACY_NO_PCIR)) ? RomCode.LEGACY_NO_PCIR : RomCode.NOT_FOUND;
    }

    /**
     * A sentence that says why this is not an option ROM (for exit status 3). Only for an analysis
     * that found none ({@link #isOptionRom()} false): every caller asks after that test.
     */
    public String notARomReason() {
        if (isOptionRom()) {
            throw new IllegalStateException("notARomReason() of an option ROM");
        }
        String what = notARomCode() == RomCode.LEGACY_NO_PCIR
                ? "legacy ROM without PCI data structure (55 AA at offset 0 but no PCIR pointer): not a PCI option ROM"
                : "no PCI option ROM found (no 55 AA signature with a PCIR structure at any 512-byte boundary)";
        return what + ". If this is a BIOS update or firmware image, try: vbios extract";
    }
}
