package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.archive.RegExport;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.CabBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WrapperTest {
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);

    @ParameterizedTest
    @ValueSource(strings = {FirmwareWrappers.EFI_CAPSULE, FirmwareWrappers.FMP_CAPSULE,
        "E20BAFD3-9914-4F4F-9537-3129E090EB3C"})
    void efiCapsules(String guid) {
        Extraction x = Fixtures.extract(FirmwareWrappers.capsule(guid, IMAGE));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > EFI capsule body > FV@0x0 >");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("capsule") && guid.equals(c.name()));
    }

    @Test
    void amiAndToshibaCapsules() {
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.amiCapsule(IMAGE))))
                .startsWith("in.bin > AMI capsule body > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.toshibaCapsule(IMAGE))))
                .startsWith("in.bin > TOSHIBA capsule body > FV@0x0");
    }

    @Test
    void invalidCapsuleHeaderFallsBackToTheRawScan() {
        byte[] cap = FirmwareWrappers.capsule(FirmwareWrappers.EFI_CAPSULE, IMAGE);
        ByteBuffer.wrap(cap).order(ByteOrder.LITTLE_ENDIAN).putInt(0x18, cap.length * 4);
        Extraction x = Fixtures.extract(cap);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CAPSULE_HEADER_INVALID));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > FV@0x20 >");
    }

    @Test
    void aptioSecureFlashHeaderFileIsAnInfoNotAWarning() {
        byte[] volume = FirmwareBuilder.volume(FirmwareWrappers.amiSecureFlashFile(),
                FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, Fixtures.NV_ROM));
        Extraction x = Fixtures.extract(volume);
        assertThat(Fixtures.hasNvRom(x)).isTrue();
        assertThat(x.findings()).filteredOn(f -> f.finding().is(FirmwareCode.CAPSULE_HEADER_ONLY)).singleElement()
                .satisfies(f -> {
                    assertThat(f.finding().severity()).isEqualTo(Severity.INFO);
                    assertThat(f.path().toString()).contains("file " + FirmwareWrappers.AMI_SECURE_FLASH_FILE);
                });
        assertThat(x.findings()).noneMatch(f -> f.finding().severity() != Severity.INFO);
        assertThat(x.isIncomplete()).isFalse();
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("capsule")
                && FirmwareWrappers.AMI_SIGNED_CAPSULE.equals(c.name()));
    }

    @Test
    void aSignedCapsuleHeaderAloneAsTheInputIsStillAWarning() {
        Extraction x = Fixtures.extract(FirmwareWrappers.amiSignedCapsuleHeaderOnly());
        assertThat(x.findings()).filteredOn(f -> f.finding().is(FirmwareCode.CAPSULE_HEADER_ONLY)).singleElement()
                .satisfies(f -> assertThat(f.finding().severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void flashDescriptorRegions() {
        byte[] img = FirmwareBuilder.descriptorImage(IMAGE, 0x3000);
        Extraction x = Fixtures.extract(img);
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("descriptor"));
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("region") && c.name().equals("ME") && c.offset() == 0x1000);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > BIOS region@0x4000 > FV@0x0");
    }

    @Test
    void romsBetweenRegionsAreCarved() {
        byte[] img = FirmwareBuilder.descriptorImage(IMAGE, 0x3000);
        // shrink the ME region to 1 page and put a ROM in the freed gap
        ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putShort(0x40 + 10, (short) 1);
        System.arraycopy(Fixtures.NET_ROM, 0, img, 0x2000, Fixtures.NET_ROM.length);
        Extraction x = Fixtures.extract(img);
        assertThat(x.roms()).anyMatch(r -> r.vendorId() == 0x10EC && r.provenance().toString().startsWith("in.bin > padding@0x2000"));
        assertThat(Fixtures.hasNvRom(x)).isTrue();
    }

    @Test
    void inconsistentDescriptorFallsBackToTheRawScan() {
        byte[] img = FirmwareBuilder.descriptorImage(IMAGE, 0x3000);
        ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putShort(0x40 + 6, (short) 0x7000); // BIOS limit past the end
        Extraction x = Fixtures.extract(img);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.DESCRIPTOR_INVALID));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > FV@0x4000");
    }

    @Test
    void archives() {
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.zip("bios/QLXL3F22.fd", IMAGE))))
                .startsWith("in.bin > zip:bios_QLXL3F22.fd > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.sevenZ("bios.bin", IMAGE))))
                .startsWith("in.bin > 7z:bios.bin > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.gzip(IMAGE)))).startsWith("in.bin > gzip > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.xz(IMAGE)))).startsWith("in.bin > xz > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(FirmwareWrappers.zlib(IMAGE)))).startsWith("in.bin > zlib > FV@0x0");
    }

    @Test
    void nestedArchivesKeepTheWholePath() {
        byte[] nested = FirmwareWrappers.zip("update.7z", FirmwareWrappers.sevenZ("bios.cap",
                FirmwareWrappers.capsule(FirmwareWrappers.EFI_CAPSULE, IMAGE)));
        assertThat(Fixtures.nvProvenance(Fixtures.extract(nested)))
                .startsWith("in.bin > zip:update.7z > 7z:bios.cap > EFI capsule body > FV@0x0 > file ");
    }

    @Test
    void selfExtractingExe() {
        byte[] stub = new byte[0x200];
        stub[0] = 'M';
        stub[1] = 'Z';
        Extraction x = Fixtures.extract(FirmwareBuilder.concat(stub, FirmwareWrappers.sevenZ("bios.fd", IMAGE)));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > sfx 7z@0x200 > 7z:bios.fd > FV@0x0");
    }

    @Test
    void dellHdrPackage() {
        Extraction x = Fixtures.extract(FirmwareWrappers.dellHdr(IMAGE));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > Dell HDR@0x27 > FV@0x0");
        byte[] pfs = FirmwareBuilder.concat("PFS.HDR.".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(IMAGE.length).array(), IMAGE);
        assertThat(Fixtures.nvProvenance(Fixtures.extract(pfs))).startsWith("in.bin > PFS payload > FV@0x0");
    }

    @Test
    void dellPfsEntriesAreSplit() {
        byte[] pfs = BiosGuardBuilder.pfs(
                BiosGuardBuilder.pfsEntry("FD041960-0DC8-4B9F-8225-BBA9E37C71E0", 2, IMAGE, 0x200, new byte[0]),
                BiosGuardBuilder.pfsEntry("E0717CE3-A9BB-25C7-D49F-8C0D4E4E8E8B", 1, Fixtures.NET_ROM, 0, new byte[0]));
        Extraction x = Fixtures.extract(FirmwareWrappers.dellHdr(pfs));
        assertThat(Fixtures.nvProvenance(x)).startsWith(
                "in.bin > Dell HDR@0x27 > PFS payload > PFS entry FD041960-0DC8-4B9F-8225-BBA9E37C71E0 > FV@0x0");
        assertThat(x.roms()).anyMatch(r -> r.vendorId() == 0x10EC && r.provenance().toString().contains("PFS entry E0717CE3"));
        assertThat(x.containers().stream().filter(c -> c.kind().equals("dell-pfs entry")).count()).isEqualTo(2);
    }

    @Test
    void dellThinOsPackageXzTarCabinetPfs() {
        byte[] exe = FirmwareWrappers.dellHdr(IMAGE);
        byte[] cab = CabBuilder.cab(Map.of("bios.exe", exe), true);
        byte[] pkg = FirmwareWrappers.thinOsPkg(FirmwareWrappers.xz(FirmwareWrappers.tar("fw/bios.cab", cab)));
        Extraction x = Fixtures.extract(pkg);
        assertThat(Fixtures.nvProvenance(x)).startsWith(
                "in.bin > ThinOS PKG > xz > tar:fw_bios.cab > cab:bios.exe > Dell HDR@0x27 > FV@0x0");
    }

    @Test
    void registryExport() {
        byte[] reg = FirmwareWrappers.regExport(
                "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000",
                "HardwareInformation.BiosImage", Fixtures.NV_ROM);
        Extraction x = Fixtures.extract(reg);
        assertThat(Fixtures.nvProvenance(x)).isEqualTo("in.bin > reg:HardwareInformation.BiosImage > rom@0x0");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("reg value") && c.name().endsWith("\\HardwareInformation.BiosImage"));
        assertThat(RegExport.hexList("0a, ff,1", 10)).hasValueSatisfying(b -> assertThat(b).containsExactly(0x0A, 0xFF, 0x01));
        assertThat(RegExport.hexList("zz", 10)).isEmpty();
    }

    @Test
    void innoAndUpxNameThePackageWhenTheToolIsMissing() {
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x100],
                "Inno Setup Setup Data (5.5.7)".getBytes(StandardCharsets.US_ASCII), "UPX!".getBytes(StandardCharsets.US_ASCII));
        Extraction x = Fixtures.extract(exe);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("innoextract"));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("upx-ucl"));
    }

    @Test
    void externalToolOutputIsExplored() {
        ExternalTools fake = new ExternalTools() {
            @Override
            public Optional<Path> find(String program) {
                return Optional.of(Path.of("/bin/" + program));
            }

            @Override
            public int run(List<String> command, Path dir, long seconds) throws IOException {
                Path out = Path.of(command.get(command.indexOf("-d") + 1));
                Files.createDirectories(out.resolve("app"));
                Files.write(out.resolve("app/bios.fd"), IMAGE);
                return 0;
            }
        };
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x100],
                "Inno Setup Setup Data (5.5.7)".getBytes(StandardCharsets.US_ASCII));
        Extraction x = Extractor.run(ByteSlice.of(exe), "setup.exe", Limits.defaults(), fake);
        assertThat(Fixtures.nvProvenance(x)).startsWith("setup.exe > innosetup:app_bios.fd > FV@0x0");
    }

    @Test
    void insydeIflashImagesInsideAFlasher() {
        byte[] iflash = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x300],
                "$_IFLASH_BIOSIMG".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(IMAGE.length + 0x18).putInt(IMAGE.length).array(),
                IMAGE, "$_IFLASH_EC_IMG\0".getBytes(StandardCharsets.US_ASCII), new byte[8]);
        Extraction x = Fixtures.extract(iflash);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > iFlash _BIOSIMG@0x302 > FV@0x0 >");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("iflash") && c.name().equals("_BIOSIMG"));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.IFLASH_IMAGE_INVALID) && f.finding().message().contains("_EC_IMG"));
    }

    @Test
    void unsupportedWrappersAreNamedAndScannedRaw() {
        byte[] pbzx = FirmwareBuilder.concat("pbzx".getBytes(StandardCharsets.US_ASCII), new byte[0x40], IMAGE);
        Extraction x = Fixtures.extract(pbzx);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("PBZX"));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > FV@0x44 >");
    }

    @Test
    void regedit4ExportWithTypedHexValue() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Fixtures.NV_ROM.length; i++) {
            hex.append(String.format("%02x", Fixtures.NV_ROM[i] & 0xFF)).append(i + 1 < Fixtures.NV_ROM.length ? "," : "");
            if (i % 20 == 19) {
                hex.append("\\\n  ");
            }
        }
        String text = "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\X]\n\"Small\"=hex:00,01\n\"Bios\"=hex(3):" + hex + "\n";
        Extraction x = Fixtures.extract(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Fixtures.nvProvenance(x)).isEqualTo("in.bin > reg:Bios > rom@0x0");
        assertThat(x.containers().stream().filter(c -> c.kind().equals("reg value")).count()).isEqualTo(1);
    }
}
