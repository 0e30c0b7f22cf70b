package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * PCI data structure (rom-format.md 1.4); also NVIDIA's NPDS/RGIS with the same layout (1.5).
 *
 * @param offset absolute offset of the structure in the analysed file
 * @param signature "PCIR", "NPDS" or "RGIS"
 * @param imageLengthBlocks image length in 512-byte blocks (offset 0x10)
 * @param indicator the whole indicator byte; bit 7 = last image of the PCI chain
 */
public record Pcir(long offset, String signature, int vendorId, int deviceId, int deviceListOffset,
                   int structureLength, int revision, int classCode, int imageLengthBlocks,
                   int codeRevision, int codeType, int indicator, int maxRuntimeLength) {
    public static final String PCIR = "PCIR";
    public static final String NPDS = "NPDS";
    public static final String RGIS = "RGIS";

    /** The data-structure signature at {@code off}; empty if none of PCIR/NPDS/RGIS. */
    public static Optional<String> signatureAt(ByteSlice file, long off) {
        for (String s : new String[] {PCIR, NPDS, RGIS}) {
            if (file.matchesAscii(off, s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Parses the structure at {@code off}; the caller has checked the signature and bounds. */
    static Pcir parse(ByteSlice file, long off, String signature) {
        int revision = file.u8(off + 0x0C);
        int maxRuntime = revision >= 3 && file.contains(off + 0x16, 2) ? file.u16(off + 0x16) : 0;
        // class code bytes are prog-IF, subclass, base class: as a u24 that reads 0x030000 for VGA
        return new Pcir(off, signature, file.u16(off + 4), file.u16(off + 6), file.u16(off + 8),
                file.u16(off + 0x0A), revision, file.u24(off + 0x0D), file.u16(off + 0x10),
                file.u16(off + 0x12), file.u8(off + 0x14), file.u8(off + 0x15), maxRuntime);
    }

    public long imageLength() {
        return imageLengthBlocks * 512L;
    }

    public boolean last() {
        return (indicator & 0x80) != 0;
    }
}
