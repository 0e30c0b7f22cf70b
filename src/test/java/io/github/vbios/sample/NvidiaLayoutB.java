package io.github.vbios.sample;

/**
 * {@link NvidiaSample}'s images in layout B (rom-format.md 1.9.4), which only the tests build (the
 * demo's dump is layout A): the x86 PCIR length covers x86 + E0 + NBSI, then the EFI image.
 */
public final class NvidiaLayoutB {
    private NvidiaLayoutB() {
    }

    public static byte[] chain() {
        return new OptionRomBuilder()
                .add(RomImageEdit.of(NvidiaSample.x86(16, null).indicator(0)).pcirLengthBlocks(16 + 8 + 2).spec())
                .add(OptionRomBuilder.nvidiaPrivate(NvidiaSample.ROM_DEVICE, 0xE0).sizeBlocks(8).npde(0x0101, 0x14))
                .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(2).indicator(0))
                .add(NvidiaSample.efiGop(NvidiaSample.DEVICE))
                .build();
    }
}
