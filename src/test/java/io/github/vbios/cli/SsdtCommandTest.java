package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.acpi.SsdtManifest;
import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.sample.SampleOptionRoms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsdtCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Path romfile(Path dir) throws Exception {
        Path rom = dir.resolve("gpu.rom");
        Files.write(rom, SampleOptionRoms.withEfi(0x10de, 0x1c8d));
        return rom;
    }

    @Test
    void writesTablesManifestAndLoadLines(@TempDir Path dir) throws Exception {
        Path rom = romfile(dir);
        Path out = dir.resolve("acpi");
        Result r = run("ssdt", "--rom", rom.toString(), "-o", out.toString(), "--guest-address", "01:00.0",
                "--root-port", "00:1c.0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mode       embed (default for this ROM size)", "\\_SB.PCI0.SE0.S00",
                "-acpitable file=", "<qemu:arg value='-acpitable'/>", "args: -acpitable");
        SsdtManifest m = SsdtManifest.read(out);
        assertThat(m.mode()).isEqualTo(SsdtMode.EMBED);
        assertThat(m.placement()).isEqualTo("auto");
        assertThat(m.acpiPath()).isEqualTo("\\_SB.PCI0.SE0.S00");
        assertThat(m.tables()).containsExactly("vbios-rom.aml", "vbios-battery.aml");
        assertThat(m.romSize()).isEqualTo(Files.size(rom));
        assertThat(out.resolve("vbios-rom.dsl")).content().contains("Method (_ROM, 2, NotSerialized)");
    }

    @Test
    void fwCfgModeCopiesTheRomAndJsonCarriesSchema(@TempDir Path dir) throws Exception {
        Path rom = romfile(dir);
        Path out = dir.resolve("acpi");
        Result r = run("ssdt", "--rom", rom.toString(), "-o", out.toString(), "--mode", "fwcfg", "--battery", "none",
                "--proxmox-hostpci", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("acpiPath").asText()).isEqualTo("\\_SB.PCI0.S80.S00");
        assertThat(j.get("fwCfg").get("name").asText()).isEqualTo("opt/io.github.vbios/vbios");
        assertThat(j.get("load").get("qemuArgs").toString()).contains("-fw_cfg");
        assertThat(Files.readAllBytes(out.resolve("vbios.rom"))).isEqualTo(Files.readAllBytes(rom));
        // --mode given, auto placement: only the hint to check the path in the guest, an info
        assertThat(texts(j.get("noteCodes"))).containsExactly("acpi.check-path-in-guest");
        assertThat(texts(j.get("noteSeverities"))).containsExactly("info");
        assertThat(j.get("notes")).hasSize(1);
        assertThat(j.has("remarks")).isFalse();
    }

    @Test
    void notesCarryCodesAndSeverities(@TempDir Path dir) throws Exception {
        Path rom = dirtyDump(dir);
        Result r = run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("a").toString(), "--clean",
                "--placement", "scope", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(texts(j.get("noteCodes"))).containsExactly("acpi.mode-defaulted", "acpi.view-cut-out",
                "acpi.scope-needs-node", "acpi.check-path-in-guest");
        assertThat(texts(j.get("noteSeverities"))).containsExactly("info", "info", "warning", "info");
        assertThat(j.get("notes")).hasSize(4);
        Result d = run("ssdt", "--rom", romfile(dir).toString(), "-o", dir.resolve("b").toString(),
                "--placement", "declare", "--mode", "embed", "--json");
        assertThat(d.code()).as(d.err()).isZero();
        JsonNode k = Json.mapper().readTree(d.out());
        assertThat(texts(k.get("noteCodes"))).containsExactly("acpi.declare-clashes-with-node",
                "acpi.check-path-in-guest");
        assertThat(texts(k.get("noteSeverities"))).containsExactly("warning", "info");
        Result t = run("ssdt", "--rom", romfile(dir).toString(), "-o", dir.resolve("c").toString(),
                "--placement", "declare", "--mode", "embed");
        assertThat(t.out()).contains("  - warning: declare placement").doesNotContain("warning: check the path");
    }

    /** A clean ROM behind 0x400 bytes of flash header: a dump that is not a romfile yet. */
    private static Path dirtyDump(Path dir) throws IOException {
        byte[] clean = SampleOptionRoms.withEfi(0x10de, 0x1c8d);
        byte[] dump = new byte[clean.length + 0x1000];
        System.arraycopy(clean, 0, dump, 0x400, clean.length);
        return Files.write(dir.resolve("dump.rom"), dump);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void dirtyDumpIsRefusedWithThePatchCommandOrCleaned(@TempDir Path dir) throws Exception {
        Path rom = dirtyDump(dir);
        Result r = run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("a").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("not a clean romfile", "vbios patch", "--clean");
        Result c = run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("b").toString(), "--clean");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(SsdtManifest.read(dir.resolve("b")).romSize()).isEqualTo(SampleOptionRoms.withEfi(0x10de, 0x1c8d).length);
    }

    @Test
    void usageErrors(@TempDir Path dir) throws Exception {
        Path rom = romfile(dir);
        assertThat(run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("x").toString(), "--path", "\\_SB.P",
                "--proxmox-hostpci", "1").code()).isEqualTo(2);
        assertThat(run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("x").toString(), "--mode", "zip").code())
                .isEqualTo(2);
        assertThat(run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("x").toString(), "--fw-cfg-name",
                "vbios").code()).isEqualTo(2);
        Result ovmf = run("ssdt", "--rom", rom.toString(), "-o", dir.resolve("x").toString(), "--mode", "fwcfg",
                "--fw-cfg-name", "opt/ovmf/vbios");
        assertThat(ovmf.code()).isEqualTo(2);
        assertThat(ovmf.err()).contains("opt/ovmf/", "reserved");
        assertThat(dir.resolve("x")).doesNotExist();
        Path notRom = dir.resolve("text.txt");
        Files.writeString(notRom, "hello");
        Result r = run("ssdt", "--rom", notRom.toString(), "-o", dir.resolve("y").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("no PCI option ROM found");
        assertThat(run("ssdt", "--help").out()).contains("--guest-address", "Examples:");
    }
}
