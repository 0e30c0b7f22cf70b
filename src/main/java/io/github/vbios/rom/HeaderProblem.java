package io.github.vbios.rom;

/**
 * Why the bytes at an offset are not an option ROM image header (rom-format.md 1.1-1.7).
 *
 * @param kind which check failed: callers branch on this
 * @param text the sentence for the user, with the offset
 */
record HeaderProblem(Kind kind, String text) {
    /** The checks of {@link ImageParser#headerProblem}, in the order they run. */
    enum Kind {
        /** Fewer than 0x1A bytes left for the ROM header. */
        TRUNCATED,
        /** No 55 AA (or, outside the PCI view, VN/77 BB) signature. */
        NO_SIGNATURE,
        /** The PCI data structure pointer is 0: a legacy/ISA ROM. */
        NO_PCIR_POINTER,
        /** The PCI data structure pointer is not 4-byte aligned. */
        POINTER_UNALIGNED,
        /** The PCI data structure pointer points past the end of the file. */
        POINTER_PAST_END,
        /** No PCIR (or NPDS/RGIS) structure where the pointer points. */
        NO_PCIR
    }

    @Override
    public String toString() {
        return text;
    }
}
