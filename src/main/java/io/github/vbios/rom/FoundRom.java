package io.github.vbios.rom;

/**
 * An option ROM found inside a larger blob by {@link RomScanner}.
 *
 * @param offset where the analysed slice starts in the blob (the 55 AA, or the NVGI/NVFW header of a flash dump)
 * @param length bytes of the analysed slice (the PCI view for plain chains; to the end of the NVIDIA view for dumps)
 * @param source how it was found
 * @param analysis the analysis of the slice {@code [offset, offset+length)}
 */
public record FoundRom(long offset, long length, Source source, RomAnalysis analysis) {
    public enum Source {
        /** 55 AA + PCIR chain found by scanning. */
        PCI_CHAIN,
        /** NVIDIA full-flash dump found through its NVGI/NVFW container (rom-format.md 1.8). */
        NVIDIA_CONTAINER
    }

    /** Offset of the PCI view (the romfile bytes) in the blob. */
    public long pciViewOffset() {
        return offset + analysis.pciView().start();
    }

    public long pciViewLength() {
        return analysis.pciView().length();
    }
}
