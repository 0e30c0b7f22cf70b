package io.github.vbios.firmware;

import static io.github.vbios.sample.FirmwareBuilder.compressionSection;
import static io.github.vbios.sample.FirmwareBuilder.ffsFile;
import static io.github.vbios.sample.FirmwareBuilder.fvImageSection;
import static io.github.vbios.sample.FirmwareBuilder.guidedSection;
import static io.github.vbios.sample.FirmwareBuilder.sections;
import static io.github.vbios.sample.FirmwareBuilder.volume;
import static io.github.vbios.sample.FirmwareSamples.compressionSection;
import static io.github.vbios.sample.FirmwareSamples.lzmaF86Section;
import static io.github.vbios.sample.FirmwareSamples.lzmaSection;
import static io.github.vbios.sample.FirmwareSamples.tianoGuidSection;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.Lzma;
import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.FirmwareSamples.Compression;
import io.github.vbios.sample.FirmwareWrappers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SectionDecodingTest {
    @ParameterizedTest
    @EnumSource(Compression.class)
    void compressionSectionsOfEveryType(Compression c) {
        Extraction x = Fixtures.extract(Fixtures.romVolume(s -> compressionSection(s, c)));
        assertThat(Fixtures.hasNvRom(x)).as(c.name()).isTrue();
        String step = switch (c) {
            case NONE -> "uncompressed section";
            case EFI_1_1 -> "EFI 1.1 section";
            case TIANO -> "Tiano section";
            case LZMA -> "LZMA section";
        };
        assertThat(Fixtures.nvProvenance(x)).contains("> " + step + " >");
        assertThat(x.findings()).noneMatch(f -> f.finding().is(FirmwareCode.DECODE_FAILED));
    }

    @Test
    void guidDefinedLzmaLzmaF86TianoBrotli() {
        assertThat(Fixtures.nvProvenance(Fixtures.extract(Fixtures.romVolume(FirmwareSamples::lzmaSection))))
                .contains("> LZMA section >");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(Fixtures.romVolume(FirmwareSamples::lzmaF86Section))))
                .contains("> LZMA-F86 section >");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(Fixtures.romVolume(FirmwareSamples::tianoGuidSection))))
                .contains("> Tiano section >");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(Fixtures.romVolume(FirmwareSamples::brotliSection))))
                .contains("> Brotli section >");
    }

    @Test
    void lzmaF86UndoesTheBranchFilter() {
        byte[] code = new byte[4096];
        for (int i = 0; i < code.length; i += 16) {
            code[i] = (byte) 0xE8; // CALL rel32: the bytes the filter rewrites
            code[i + 1] = (byte) i;
        }
        byte[] payload = sections(FirmwareBuilder.rawSection(FirmwareBuilder.concat(code, Fixtures.NV_ROM)));
        Extraction x = Fixtures.extract(volume(ffsFile("CCCCCCCC-0000-0000-0000-000000000001", 0x02,
                lzmaF86Section(payload))));
        assertThat(Fixtures.hasNvRom(x)).isTrue();
    }

    @Test
    void crc32IsCheckedAndAMismatchIsAFinding() {
        byte[] good = Fixtures.romVolume(FirmwareBuilder::crc32Section);
        Extraction x = Fixtures.extract(good);
        assertThat(Fixtures.nvProvenance(x)).contains("> CRC32 section >");
        assertThat(x.findings()).noneMatch(f -> f.finding().is(FirmwareCode.SECTION_CRC_INVALID));
        byte[] bad = good.clone();
        bad[0x48 + 0x18 + 24] ^= 0x01; // the stored CRC
        Extraction y = Fixtures.extract(bad);
        assertThat(Fixtures.hasNvRom(y)).isTrue();
        assertThat(y.findings()).anyMatch(f -> f.finding().is(FirmwareCode.SECTION_CRC_INVALID));
    }

    @Test
    void nestedCompressedVolumes() {
        byte[] inner = Fixtures.romVolume(FirmwareBuilder::crc32Section);
        byte[] middle = volume(ffsFile("DDDDDDDD-0000-0000-0000-000000000001", 0x0B,
                sections(tianoGuidSection(sections(fvImageSection(inner))))));
        byte[] outer = volume(ffsFile("DDDDDDDD-0000-0000-0000-000000000002", 0x05,
                sections(compressionSection(sections(fvImageSection(middle)), Compression.LZMA))));
        Extraction x = Fixtures.extract(outer);
        assertThat(Fixtures.nvProvenance(x)).isEqualTo("in.bin > FV@0x0 > file DDDDDDDD-0000-0000-0000-000000000002"
                + " > LZMA section > volume image section@0x0 > FV@0x0 > file DDDDDDDD-0000-0000-0000-000000000001"
                + " > Tiano section > volume image section@0x0 > FV@0x0 > file 11111111-2222-3333-4444-555555555555"
                + " > CRC32 section > raw section@0x0 > rom@0x0");
        assertThat(x.containers().stream().filter(c -> c.kind().equals("volume")).count()).isEqualTo(3);
    }

    @Test
    void unknownGuidIsLookedInsideAndCorruptDataIsAFinding() {
        byte[] unknown = Fixtures.romVolume(s -> guidedSection("99999999-8888-7777-6666-555555555555", 1, new byte[0], s));
        Extraction x = Fixtures.extract(unknown);
        assertThat(Fixtures.hasNvRom(x)).isTrue();
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.SECTION_GUID_UNKNOWN));
        byte[] corrupt = Fixtures.romVolume(FirmwareSamples::lzmaSection);
        for (int i = 0x48 + 0x18 + 24 + 13; i < 0x48 + 0x18 + 24 + 200; i++) {
            corrupt[i] = (byte) 0xA5;
        }
        Extraction y = Fixtures.extract(corrupt);
        assertThat(y.findings()).anyMatch(f -> f.finding().is(FirmwareCode.DECODE_FAILED) && f.finding().message().startsWith("LZMA"));
    }

    @Test
    void freeformSubtypeAndCompatibility16AreScanned() {
        Extraction x = Fixtures.extract(Fixtures.volumeWith(
                FirmwareSamples.freeformSection("EEEEEEEE-0000-0000-0000-000000000001", Fixtures.NV_ROM)));
        assertThat(Fixtures.nvProvenance(x)).contains("freeform section EEEEEEEE-0000-0000-0000-000000000001");
        Extraction y = Fixtures.extract(Fixtures.volumeWith(FirmwareBuilder.section(0x16, Fixtures.NV_ROM)));
        assertThat(Fixtures.nvProvenance(y)).contains("compatibility16 section");
    }

    @Test
    void lzmaGuidSectionWithIntelPrefixIsRetriedAtPlus4() {
        byte[] data = FirmwareBuilder.concat(new byte[4], Lzma.compress(
                sections(FirmwareBuilder.rawSection(Fixtures.NV_ROM))));
        Extraction x = Fixtures.extract(Fixtures.volumeWith(guidedSection(Guid.LZMA, 1, new byte[0], data)));
        assertThat(Fixtures.hasNvRom(x)).isTrue();
    }

    @Test
    void unusedLzmaSectionHelperCompiles() {
        assertThat(lzmaSection(new byte[8])).isNotEmpty();
    }

    @Test
    void gzipAmdZlibSignedAndRsaSections() {
        byte[] payload = sections(FirmwareBuilder.rawSection(Fixtures.NV_ROM));
        byte[] gz = Fixtures.volumeWith(guidedSection(Guid.GZIP, 1, new byte[0],
                FirmwareWrappers.gzip(payload)));
        assertThat(Fixtures.nvProvenance(Fixtures.extract(gz))).contains("> gzip section >");
        byte[] amdHeader = new byte[0x100];
        byte[] amd = Fixtures.volumeWith(guidedSection(Guid.AMD_ZLIB, 1, new byte[0],
                FirmwareBuilder.concat(amdHeader, FirmwareWrappers.zlib(payload))));
        assertThat(Fixtures.nvProvenance(Fixtures.extract(amd))).contains("> zlib section >");
        byte[] cert = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(24)
                .putShort((short) 0x200).putShort((short) 0x0EF1).array();
        byte[] signed = Fixtures.volumeWith(guidedSection(Guid.SIGNED, 2, new byte[0], FirmwareBuilder.concat(cert, payload)));
        assertThat(Fixtures.nvProvenance(Fixtures.extract(signed))).contains("> signed section >");
        byte[] rsa = Fixtures.volumeWith(guidedSection(Guid.RSA2048_SHA256, 2, new byte[528], payload));
        assertThat(Fixtures.nvProvenance(Fixtures.extract(rsa))).contains("> RSA2048/SHA256 signed section >");
    }
}
