package io.github.vbios.firmware;

import static io.github.vbios.sample.FirmwareBuilder.ffsFile;
import static io.github.vbios.sample.FirmwareBuilder.largeFile;
import static io.github.vbios.sample.FirmwareBuilder.rawSection;
import static io.github.vbios.sample.FirmwareBuilder.sections;
import static io.github.vbios.sample.FirmwareBuilder.volume;
import static io.github.vbios.sample.FirmwareSamples.uiSection;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeWalkTest {
    private static List<String> files(Extraction x) {
        return x.containers().stream().filter(c -> c.kind().equals("file")).map(SeenContainer::name).toList();
    }

    @Test
    void walksFilesAndSectionsOfAnFfsV2Volume() {
        byte[] fv = volume(ffsFile("AAAAAAAA-0000-0000-0000-000000000001", 0x07, sections(uiSection("Driver"))),
                ffsFile("AAAAAAAA-0000-0000-0000-000000000002", 0x02, sections(rawSection(Fixtures.NV_ROM))));
        Extraction x = Fixtures.extract(fv);
        assertThat(files(x)).containsExactly("AAAAAAAA-0000-0000-0000-000000000001", "AAAAAAAA-0000-0000-0000-000000000002");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("section") && "Driver".equals(c.name()));
        assertThat(Fixtures.nvProvenance(x)).isEqualTo(
                "in.bin > FV@0x0 > file AAAAAAAA-0000-0000-0000-000000000002 > raw section@0x0 > rom@0x0");
        assertThat(x.findings()).noneMatch(f -> f.finding().is(FirmwareCode.VOLUME_CHECKSUM_INVALID)
                || f.finding().is(FirmwareCode.FILE_HEADER_CHECKSUM_INVALID)
                || f.finding().is(FirmwareCode.FILE_DATA_CHECKSUM_INVALID));
    }

    @Test
    void readsTheExtendedHeaderName() {
        byte[] fv = FirmwareBuilder.volume(Guid.FFS_V2, "6D99E806-3D38-42C2-A095-5F4300BFD7DC",
                ffsFile("AAAAAAAA-0000-0000-0000-000000000003", 0x01, new byte[16]));
        Extraction x = Fixtures.extract(fv);
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("volume")
                && "6D99E806-3D38-42C2-A095-5F4300BFD7DC".equals(c.name()));
        assertThat(files(x)).containsExactly("AAAAAAAA-0000-0000-0000-000000000003");
    }

    @Test
    void findsVolumesInPaddingAndCarvesThePadding() {
        byte[] fv = Fixtures.romVolume(s -> s);
        byte[] image = FirmwareBuilder.concat(Fixtures.NET_ROM, new byte[0x1000], fv);
        Extraction x = Fixtures.extract(image);
        assertThat(Fixtures.hasNvRom(x)).isTrue();
        assertThat(x.roms()).anyMatch(r -> r.vendorId() == 0x10EC && r.provenance().toString().contains("padding@0x0"));
    }

    @Test
    void ffsV3LargeFile() {
        byte[] fv = FirmwareBuilder.volume(Guid.FFS_V3, null,
                largeFile("BBBBBBBB-0000-0000-0000-000000000001", 0x02, sections(rawSection(Fixtures.NV_ROM))));
        Extraction x = Fixtures.extract(fv);
        assertThat(files(x)).containsExactly("BBBBBBBB-0000-0000-0000-000000000001");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("file") && c.length() == Fixtures.NV_ROM.length + 0x20 + 4);
        assertThat(Fixtures.hasNvRom(x)).isTrue();
    }

    @Test
    void badChecksumsAreFindingsNotFailures() {
        byte[] fv = Fixtures.romVolume(s -> s);
        fv[0x48 + 0x10] ^= 0x55; // file header checksum
        fv[0x32] ^= 0x01;        // volume header checksum
        Extraction x = Fixtures.extract(fv);
        assertThat(Fixtures.hasNvRom(x)).isTrue();
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.FILE_HEADER_CHECKSUM_INVALID));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.VOLUME_CHECKSUM_INVALID));
    }

    @Test
    void padFilesAndUnknownFileSystemsAreScannedToo() {
        byte[] pad = ffsFile("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", 0xF0, Fixtures.NET_ROM);
        byte[] fv = volume(pad);
        Extraction x = Fixtures.extract(fv);
        assertThat(x.roms()).anyMatch(r -> r.vendorId() == 0x10EC);
        byte[] odd = FirmwareBuilder.volume("12345678-1234-1234-1234-123456789ABC", null, Fixtures.NV_ROM);
        Extraction y = Fixtures.extract(odd);
        assertThat(Fixtures.hasNvRom(y)).isTrue();
        assertThat(y.containers()).anyMatch(c -> c.kind().equals("volume") && c.detail().startsWith("unknown file system"));
    }

    @Test
    void truncatedVolumeIsWalkedAsFarAsItGoes() {
        byte[] fv = Fixtures.romVolume(s -> s);
        byte[] cut = Arrays.copyOf(fv, 0x48 + 0x18 + 4 + Fixtures.NV_ROM.length + 8);
        Extraction x = Fixtures.extract(cut);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.VOLUME_OVERLAPS_END));
        assertThat(Fixtures.hasNvRom(x)).isTrue();
    }

    @Test
    void nonUefiDataAfterFreeSpaceIsScanned() {
        byte[] fv = volume(ffsFile("AAAAAAAA-0000-0000-0000-000000000009", 0x01, new byte[8]));
        byte[] big = Arrays.copyOf(fv, 0x10000 + 0x1000);
        // grow the volume: patch FvLength and block count, then put a ROM after the free space
        ByteSlice.of(big);
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putLong(0x20, big.length)
                .putInt(0x38, big.length / 0x1000);
        Arrays.fill(big, fv.length, big.length, (byte) 0xFF);
        System.arraycopy(Fixtures.NET_ROM, 0, big, 0x8000, Fixtures.NET_ROM.length);
        Extraction x = Fixtures.extract(big);
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("non-UEFI data"));
        assertThat(x.roms()).anyMatch(r -> r.vendorId() == 0x10EC);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.NON_UEFI_DATA));
    }
}
