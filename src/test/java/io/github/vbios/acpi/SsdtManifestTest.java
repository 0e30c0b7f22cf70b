package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.OutputFolder;
import io.github.vbios.io.VbiosException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsdtManifestTest {
    @Test
    void roundTripsThroughTheFolder(@TempDir Path dir) throws Exception {
        SsdtManifest m = new SsdtManifest(1, SsdtMode.FWCFG, "auto", "\\_SB.PCI0.S08.S00",
                List.of("vbios-rom.aml", "vbios-battery.aml"),
                new SsdtManifest.FwCfg("opt/io.github.vbios/vbios", "vbios.rom"), "ab".repeat(32), 4096);
        m.write(OutputFolder.open(dir, true));
        String json = Files.readString(dir.resolve("vbios-ssdt.json"));
        assertThat(json).contains("\"schema\" : 1", "\"mode\" : \"fwcfg\"", "\"acpiPath\" : \"\\\\_SB.PCI0.S08.S00\"", "\"fwCfg\"");
        SsdtManifest back = SsdtManifest.read(dir);
        assertThat(back).isEqualTo(m);
        assertThat(back.usesFwCfg()).isTrue();
        assertThat(back.qemuArguments(Path.of("out,1"))).containsExactly(
                "-acpitable", "file=out,,1/vbios-rom.aml", "-acpitable", "file=out,,1/vbios-battery.aml",
                "-fw_cfg", "name=opt/io.github.vbios/vbios,file=out,,1/vbios.rom");
    }

    @Test
    void embedModeHasNullFwCfg(@TempDir Path dir) throws Exception {
        SsdtManifest m = new SsdtManifest(1, SsdtMode.EMBED, "scope", "\\_SB.PCI0.S08.S00",
                List.of("a.aml"), null, "00", 8);
        m.write(OutputFolder.open(dir, true));
        assertThat(Files.readString(dir.resolve("vbios-ssdt.json"))).contains("\"fwCfg\" : null");
        assertThat(SsdtManifest.read(dir).fwCfg()).isNull();
    }

    @Test
    void missingOrBrokenManifestIsInvalidInput(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SsdtManifest.read(dir)).isInstanceOf(VbiosException.class)
                .hasMessageContaining("vbios ssdt");
        Files.writeString(dir.resolve("vbios-ssdt.json"), "{\"schema\": 1}");
        assertThatThrownBy(() -> SsdtManifest.read(dir)).isInstanceOf(VbiosException.class);
        Files.writeString(dir.resolve("vbios-ssdt.json"), "nonsense");
        assertThatThrownBy(() -> SsdtManifest.read(dir)).isInstanceOf(VbiosException.class);
    }
}
