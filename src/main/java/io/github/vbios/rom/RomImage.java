package io.github.vbios.rom;

import io.github.vbios.rom.nvidia.Npde;
import java.util.Optional;

/**
 * One image of an option-ROM chain (rom-format.md 1.1-1.7).
 *
 * @param offset absolute offset of the image's signature in the analysed file
 * @param signature 55AA, VN or 77BB
 * @param dataStructurePointer u16 at +0x18
 * @param pcir the PCI data structure (PCIR/NPDS/RGIS)
 * @param npde NVIDIA data extension, when present
 * @param efiHeader EFI header fields, for code type 3 images with 55 AA
 * @param efiPayload decoded payload facts, for code type 3 images
 * @param x86Header x86 header extras, for code type 0 images
 * @param x86Checksum the three checksum ranges, for code type 0 images
 * @param nbsi NBSI header fields, for code type 0x70 images
 */
public record RomImage(long offset, RomSignature signature, int dataStructurePointer, Pcir pcir,
                       Optional<Npde> npde, Optional<EfiRomHeader> efiHeader, Optional<EfiPayload> efiPayload,
                       Optional<X86Header> x86Header, Optional<X86Checksum> x86Checksum, Optional<NbsiHeader> nbsi) {

    public String dataStructure() {
        return pcir.signature();
    }

    public int vendorId() {
        return pcir.vendorId();
    }

    public int deviceId() {
        return pcir.deviceId();
    }

    public int classCode() {
        return pcir.classCode();
    }

    public int codeType() {
        return pcir.codeType();
    }

    public String codeTypeName() {
        return CodeType.name(pcir.codeType());
    }

    public int pcirLengthBlocks() {
        return pcir.imageLengthBlocks();
    }

    public long pcirLength() {
        return pcir.imageLength();
    }

    public int indicator() {
        return pcir.indicator();
    }

    /** PCI last-image bit (PCIR indicator bit 7). */
    public boolean last() {
        return pcir.last();
    }

    /** The NVIDIA size of the image: NPDE sub-image length when an honoured NPDE exists, else PCIR length. */
    public long nvidiaLength() {
        return npde.filter(Npde::honoured).map(Npde::subImageLength).orElse(pcir.imageLength());
    }

    public boolean isX86() {
        return pcir.codeType() == CodeType.X86;
    }

    public boolean isEfi() {
        return pcir.codeType() == CodeType.EFI;
    }

    /** GOP driver version from the NPDE of an EFI image (rom-format.md 1.6 +0x0C), when present. */
    public Optional<Long> gopVersion() {
        return isEfi() ? npde.map(Npde::extra) : Optional.empty();
    }

    RomImage withX86Checksum(X86Checksum c) {
        return new RomImage(offset, signature, dataStructurePointer, pcir, npde, efiHeader, efiPayload, x86Header,
                Optional.ofNullable(c), nbsi);
    }
}
