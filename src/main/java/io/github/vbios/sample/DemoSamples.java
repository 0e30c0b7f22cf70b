package io.github.vbios.sample;

import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;

/**
 * The inputs of {@code vbios demo} (issue 8): an NVGI-wrapped NVIDIA-like flash dump and a laptop
 * firmware image whose LZMA-compressed volume holds the same ROM (its PCI view, as laptop BIOSes
 * carry it) next to the iGPU's ROM. Nothing real, so the demo runs anywhere.
 */
public final class DemoSamples {
    private DemoSamples() {
    }

    /** The flash dump: NvidiaSample's layout A in an NVGI v3 container. */
    public static byte[] flashDump() {
        return NvidiaSample.flashDump();
    }

    /** The dump's PCI view: what the firmware image stores and what {@code vbios patch} writes. */
    public static byte[] romfile() {
        byte[] dump = flashDump();
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(dump));
        return ByteSlice.of(dump).slice(a.pciView().start(), a.pciView().length()).toArray();
    }

    /**
     * Descriptor + ME + BIOS region; an FV whose DXE file holds an LZMA-compressed nested FV with
     * the NVIDIA ROM and an Intel iGPU ROM in freeform files behind CRC32 sections (the LG R510
     * layout, firmware.md 2.5-2.7).
     */
    public static byte[] laptopFirmware() {
        byte[] inner = FirmwareBuilder.volume(
                FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, romfile()),
                FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE,
                        FirmwareBuilder.optionRom(0x8086, 0x9BC4, 0x030000, 0x10000)));
        byte[] dxe = FirmwareBuilder.ffsFile(FirmwareBuilder.DXE_FILE, 0x05, FirmwareBuilder.sections(
                FirmwareBuilder.lzmaCompressionSection(FirmwareBuilder.sections(FirmwareBuilder.fvImageSection(inner)))));
        byte[] outer = FirmwareBuilder.volume(Guid.FFS_V2, "6D99E806-3D38-42C2-A095-5F4300BFD7DC", dxe);
        return FirmwareBuilder.descriptorImage(outer, 0x3000);
    }
}
