package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.FirmwareBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractPlanTest {
    private static byte[] volumeOf(byte[]... roms) {
        byte[][] files = new byte[roms.length][];
        for (int i = 0; i < roms.length; i++) {
            files[i] = FirmwareBuilder.romFile(String.format("00000000-0000-0000-0000-%012d", i), roms[i]);
        }
        return FirmwareBuilder.volume(files);
    }

    @Test
    void nvidiaFirstDisplayOnlyUnlessAll() {
        byte[] intel = FirmwareBuilder.optionRom(0x8086, 0x0406, 0x030000, 0x4000);
        Extraction x = Fixtures.extract(volumeOf(Fixtures.NET_ROM, intel, Fixtures.NV_ROM));
        ExtractPlan p = ExtractPlan.of(x, false);
        assertThat(p.outputs()).extracting(ExtractPlan.Output::fileName)
                .containsExactly("vbios_10de_1c8d.rom", "vbios_8086_0406.rom", null);
        assertThat(p.found()).isTrue();
        assertThat(p.verdict()).isEqualTo("found 1 NVIDIA VBIOS image and 1 other display ROM");
        assertThat(ExtractPlan.of(x, true).outputs()).extracting(ExtractPlan.Output::fileName)
                .containsExactly("vbios_10de_1c8d.rom", "vbios_8086_0406.rom", "rom_10ec_8168.rom");
    }

    @Test
    void sameNameDifferentRomsGetAHashSuffix() {
        byte[] a = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x4000);
        byte[] b = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x6000);
        Extraction x = Fixtures.extract(volumeOf(a, b, a));
        List<String> names = ExtractPlan.of(x, false).outputs().stream().map(ExtractPlan.Output::fileName).toList();
        assertThat(names).hasSize(2).allMatch(n -> n.matches("vbios_10de_1c8d_[0-9a-f]{8}\\.rom"));
        assertThat(x.roms().get(0).alsoAt()).hasSize(1);
    }

    @Test
    void verdictsWhenNothingUseful() {
        Extraction intelOnly = Fixtures.extract(volumeOf(FirmwareBuilder.optionRom(0x8086, 0x0406, 0x030000, 0x4000)));
        ExtractPlan p = ExtractPlan.of(intelOnly, false);
        assertThat(p.found()).isFalse();
        assertThat(p.verdict()).isEqualTo(
                "no video BIOS found: this image only holds Intel/AMD ROMs; the dGPU probably has its own flash chip");
        ExtractPlan none = ExtractPlan.of(Fixtures.extract(FirmwareBuilder.volume()), false);
        assertThat(none.found()).isFalse();
        assertThat(none.verdict()).startsWith("no video BIOS found: no PCI option ROM in 1 volumes");
        ExtractPlan net = ExtractPlan.of(Fixtures.extract(volumeOf(Fixtures.NET_ROM)), false);
        assertThat(net.verdict()).contains("only 1 other option ROM");
    }
}
