package io.github.vbios.sample;

import static io.github.vbios.sample.FirmwareBuilder.DXE_FILE;
import static io.github.vbios.sample.FirmwareBuilder.INTEL_FILE;
import static io.github.vbios.sample.FirmwareBuilder.NVIDIA_FILE;
import static io.github.vbios.sample.FirmwareBuilder.descriptorImage;
import static io.github.vbios.sample.FirmwareBuilder.ffsFile;
import static io.github.vbios.sample.FirmwareBuilder.fvImageSection;
import static io.github.vbios.sample.FirmwareBuilder.lzmaCompressionSection;
import static io.github.vbios.sample.FirmwareBuilder.optionRom;
import static io.github.vbios.sample.FirmwareBuilder.rawSection;
import static io.github.vbios.sample.FirmwareBuilder.romFile;
import static io.github.vbios.sample.FirmwareBuilder.sections;
import static io.github.vbios.sample.FirmwareBuilder.volume;

import io.github.vbios.codec.BrotliStored;
import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.codec.X86BcjEncoder;
import io.github.vbios.firmware.uefi.Guid;
import java.nio.charset.StandardCharsets;

/**
 * The section encodings only tests build (firmware.md 2.7): EFI 1.1 / Tiano with the test-side
 * {@link EfiCompressor}, Brotli, LZMA-F86, UI/PE32/freeform sections, and the extract tests'
 * full sample image. {@link FirmwareBuilder} keeps what {@code vbios demo} needs.
 */
public final class FirmwareSamples {
    /** How a compression section (type 0x01) encodes its payload. */
    public enum Compression { NONE, EFI_1_1, TIANO, LZMA }

    private FirmwareSamples() {
    }

    /** EFI_SECTION_COMPRESSION around {@code payload} encoded with {@code c}. */
    public static byte[] compressionSection(byte[] payload, Compression c) {
        return switch (c) {
            case NONE -> FirmwareBuilder.compressionSection(payload.length, 0, payload);
            case EFI_1_1 -> FirmwareBuilder.compressionSection(payload.length, 1,
                    EfiCompressor.compress(payload, EfiCompressionVariant.EFI_1_1));
            case TIANO -> FirmwareBuilder.compressionSection(payload.length, 1,
                    EfiCompressor.compress(payload, EfiCompressionVariant.TIANO));
            case LZMA -> FirmwareBuilder.lzmaCompressionSection(payload);
        };
    }

    public static byte[] uiSection(String name) {
        return FirmwareBuilder.section(0x15, (name + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    public static byte[] pe32Section(byte[] image) {
        return FirmwareBuilder.section(0x10, image);
    }

    public static byte[] freeformSection(String subtypeGuid, byte[] data) {
        return FirmwareBuilder.section(0x18, FirmwareBuilder.concat(Guid.bytes(subtypeGuid), data));
    }

    public static byte[] lzmaSection(byte[] payload) {
        return FirmwareBuilder.guidedSection(Guid.LZMA, 0x01, new byte[0], Lzma.compress(payload));
    }

    public static byte[] lzmaF86Section(byte[] payload) {
        byte[] filtered = payload.clone();
        X86BcjEncoder.encode(filtered, 0);
        return FirmwareBuilder.guidedSection(Guid.LZMA_F86, 0x01, new byte[0], Lzma.compress(filtered));
    }

    public static byte[] tianoGuidSection(byte[] payload) {
        return FirmwareBuilder.guidedSection(Guid.TIANO, 0x01, new byte[0],
                EfiCompressor.compress(payload, EfiCompressionVariant.TIANO));
    }

    public static byte[] brotliSection(byte[] payload) {
        return FirmwareBuilder.guidedSection(Guid.BROTLI, 0x01, new byte[0], BrotliStored.encode(payload, 0x10000));
    }

    /**
     * A small laptop-style image: descriptor, ME region, BIOS region with an FV whose DXE file
     * holds an LZMA-compressed nested FV; inside it an NVIDIA VBIOS (10de:1c8d), an Intel VBIOS
     * (8086:0406) and a network ROM (10ec:8168) in freeform files behind CRC32 sections, plus
     * Tiano, Brotli and LZMA-F86 sections. The extract tests' image; the demo's is
     * {@link DemoSamples#laptopFirmware()}.
     */
    public static byte[] sampleImage() {
        byte[] inner = volume(
                romFile(NVIDIA_FILE, optionRom(0x10DE, 0x1C8D, 0x030000, 0xE000)),
                romFile(INTEL_FILE, optionRom(0x8086, 0x0406, 0x030000, 0x10000)),
                ffsFile("B6B2F6E4-4EE1-4BD9-8E5F-D4C0A6B1B3C1", 0x02,
                        sections(tianoGuidSection(sections(rawSection(optionRom(0x10EC, 0x8168, 0x020000, 0xB000)))))),
                ffsFile("D1A5A7C2-3C1E-4B6C-9D1B-2E7F0C1A5B11", 0x07,
                        sections(brotliSection(sections(uiSection("BrotliDriver"))), uiSection("Sample"))),
                ffsFile("E2B6B8D3-4D2F-4C7D-8E2C-3F801D2B6C22", 0x07,
                        sections(lzmaF86Section(sections(rawSection(new byte[256]))))));
        byte[] dxe = ffsFile(DXE_FILE, 0x05,
                sections(lzmaCompressionSection(sections(fvImageSection(inner)))));
        byte[] pei = ffsFile("1BA0062E-C779-4582-8566-336AE8F78F09", 0x01, new byte[64]);
        byte[] outer = volume(Guid.FFS_V2, "6D99E806-3D38-42C2-A095-5F4300BFD7DC", dxe, pei);
        return descriptorImage(outer, 0x3000);
    }
}
