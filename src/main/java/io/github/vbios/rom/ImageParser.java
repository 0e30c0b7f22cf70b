package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.nvidia.Npde;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses one image header at a given offset (rom-format.md 1.1-1.7). One instance per analysis:
 * images seen by both walks are parsed (and their EFI payload decompressed) once.
 */
final class ImageParser {
    private final ByteSlice file;
    private final EfiPayloadMemo memo;
    private final Map<Long, RomImage> cache = new HashMap<>();

    ImageParser(ByteSlice file) {
        this(file, EfiPayloadMemo.off());
    }

    /** {@code memo}: the run's decoded EFI payloads, shared with the other files of the run. */
    ImageParser(ByteSlice file, EfiPayloadMemo memo) {
        this.file = file;
        this.memo = memo;
    }

    ByteSlice file() {
        return file;
    }

    /**
     * Why the header at {@code off} is not an image; empty when it is one. {@code pciOnly}: accept only
     * 55 AA + PCIR (the PCI view, 1.9.2); otherwise also VN/77BB and NPDS/RGIS (1.9.3).
     */
    static Optional<HeaderProblem> headerProblem(ByteSlice file, long off, boolean pciOnly) {
        if (!file.contains(off, 0x1A)) {
            return problem(HeaderProblem.Kind.TRUNCATED, "truncated: no complete ROM header (0x1A bytes) at "
                    + hex(off));
        }
        Optional<RomSignature> sig = RomSignature.of(file.u16(off));
        if (sig.isEmpty() || (pciOnly && sig.get() != RomSignature.PCI)) {
            return problem(HeaderProblem.Kind.NO_SIGNATURE, String.format("no ROM signature at %s (found %02X %02X)",
                    hex(off), file.u8(off), file.u8(off + 1)));
        }
        int p = file.u16(off + 0x18);
        if (p == 0) {
            return problem(HeaderProblem.Kind.NO_PCIR_POINTER, "ROM header at " + hex(off)
                    + " has no PCI data structure (pointer 0: legacy/ISA ROM)");
        }
        if (p % 4 != 0) {
            return problem(HeaderProblem.Kind.POINTER_UNALIGNED, "PCI data structure pointer 0x"
                    + Integer.toHexString(p) + " at " + hex(off) + " is not 4-byte aligned");
        }
        if (!file.contains(off + p, 0x18)) {
            return problem(HeaderProblem.Kind.POINTER_PAST_END, "PCI data structure pointer 0x"
                    + Integer.toHexString(p) + " at " + hex(off) + " points past the end");
        }
        Optional<String> ds = Pcir.signatureAt(file, off + p);
        if (ds.isEmpty() || (pciOnly && !ds.get().equals(Pcir.PCIR))) {
            return problem(HeaderProblem.Kind.NO_PCIR, "no PCIR" + (pciOnly ? "" : "/NPDS/RGIS")
                    + " structure at " + hex(off + p));
        }
        return Optional.empty();
    }

    private static Optional<HeaderProblem> problem(HeaderProblem.Kind kind, String text) {
        return Optional.of(new HeaderProblem(kind, text));
    }

    static boolean isImage(ByteSlice file, long off, boolean pciOnly) {
        return headerProblem(file, off, pciOnly).isEmpty();
    }

    /** The image at {@code off}; the caller has checked {@link #headerProblem} is empty. */
    RomImage parse(long off) {
        return cache.computeIfAbsent(off, this::parseUncached);
    }

    private RomImage parseUncached(long off) {
        int p = file.u16(off + 0x18);
        Pcir pcir = Pcir.parse(file, off + p, Pcir.signatureAt(file, off + p).orElseThrow());
        // NPDE follows the data structure, aligned up to 16 from the image start (1.6)
        long npdeOff = off + ((p + pcir.structureLength() + 15L) & ~15L);
        Optional<Npde> npde = Npde.probe(file, npdeOff);
        RomSignature sig = RomSignature.of(file.u16(off)).orElseThrow();
        Optional<EfiRomHeader> efi = Optional.empty();
        Optional<EfiPayload> payload = Optional.empty();
        Optional<X86Header> x86 = Optional.empty();
        Optional<NbsiHeader> nbsi = Optional.empty();
        switch (pcir.codeType()) {
            case CodeType.EFI -> {
                EfiRomHeader h = EfiRomHeader.parse(file, off);
                efi = Optional.of(h);
                payload = Optional.of(EfiPayloadReader.read(file, off, h, memo));
            }
            case CodeType.X86 -> x86 = Optional.of(X86Header.parse(file, off));
            case CodeType.NBSI -> nbsi = Optional.of(NbsiHeader.parse(file, off));
            default -> { }
        }
        RomImage image = new RomImage(off, sig, p, pcir, npde, efi, payload, x86, Optional.empty(), nbsi);
        return x86.isPresent() ? image.withX86Checksum(Checksums.of(file, image)) : image;
    }

    static String hex(long v) {
        return Hex.offset(v);
    }
}
