package io.github.vbios.sample;

/**
 * The {@link RomImageSpec} fields that only tests set: lengths that lie, structures moved away from
 * where {@link OptionRomBuilder} puts them, NPDE flags, other IDs. The demo's images never need
 * them, so their setters live here, on the spec's package-private fields, and the jar has none.
 *
 * <pre>
 * RomImageSpec x86 = RomImageEdit.of(NvidiaSample.x86(16, null)).pcirLengthBlocks(26).byte2(20).spec();
 * </pre>
 */
public final class RomImageEdit {
    private final RomImageSpec spec;

    private RomImageEdit(RomImageSpec spec) {
        this.spec = spec;
    }

    public static RomImageEdit of(RomImageSpec spec) {
        return new RomImageEdit(spec);
    }

    /** The edited spec, for {@link OptionRomBuilder#add} or the spec's own setters. */
    public RomImageSpec spec() {
        return spec;
    }

    /** Header 0x18: where the PCIR/NPDS sits (default 0x80, EFI 0x1C). */
    public RomImageEdit pcirPointer(int p) {
        spec.pcirPointer = p;
        return this;
    }

    /** PCIR image length when it differs from the physical size (layout B, lies, extremes). */
    public RomImageEdit pcirLengthBlocks(int blocks) {
        spec.pcirLengthBlocks = blocks;
        return this;
    }

    /** x86 header byte 2 (SeaBIOS size) when it differs from the physical size. */
    public RomImageEdit byte2(int blocks) {
        spec.byte2 = blocks;
        return this;
    }

    /** NPDE sub-image length when it differs from the physical size. */
    public RomImageEdit npdeSubBlocks(int blocks) {
        spec.npdeSubBlocks = blocks;
        return this;
    }

    /** NPDE byte 0x0B (bit 2: checksum disabled, rom-format.md 1.6); default 0. */
    public RomImageEdit npdeFlags(int flags) {
        spec.npdeFlags = flags;
        return this;
    }

    /** Keep the 8-bit sum of the image's physical size at 0 (last byte compensates); default for non-EFI. */
    public RomImageEdit fixChecksum(boolean fix) {
        spec.fixChecksum = fix;
        return this;
    }

    /** EFI header 0x16: where the payload starts (default 0x50). */
    public RomImageEdit efiImageOffset(int offset) {
        spec.efiImageOffset = offset;
        return this;
    }

    /** Other PCIR/NPDS IDs than the factory set (a 0000:0000 GOP, another card's device). */
    public RomImageEdit ids(int vendor, int device) {
        spec.vendorId = vendor;
        spec.deviceId = device;
        return this;
    }
}
