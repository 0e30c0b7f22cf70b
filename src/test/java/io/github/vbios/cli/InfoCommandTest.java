package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: `vbios info` and `vbios demo` through Main.run. */
class InfoCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path sample() throws IOException {
        Path p = tmp.resolve("dump.rom");
        Files.write(p, NvidiaSample.flashDump());
        return p;
    }

    @Test
    void textStartsWithTheVerdictLine() throws IOException {
        Run r = run("info", sample().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("dump.rom: NVIDIA 10de:1fb9 VBIOS 90.17.0E.00.04,"
                + " NVGI v3 dump; romfile = bytes 0x4600-0x6E00 (run vbios patch); UEFI: yes (GOP 0x5000B)");
    }

    @Test
    void jsonCarriesTheDesignFields() throws IOException {
        JsonNode j = run("info", "--json", sample().toString()).json();
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.at("/container/kind").asText()).isEqualTo("nvgi-v3");
        assertThat(j.at("/container/romStart").asLong()).isEqualTo(0x4600);
        assertThat(j.at("/pciView/start").asLong()).isEqualTo(0x4600);
        assertThat(j.at("/pciView/end").asLong()).isEqualTo(0x6E00);
        assertThat(j.at("/pciView/sha256").asText()).hasSize(64);
        JsonNode efi = j.at("/images/1");
        assertThat(efi.get("vendorId").asText()).isEqualTo("10de");
        assertThat(efi.get("codeType").asInt()).isEqualTo(3);
        assertThat(efi.at("/efi/machine").asText()).isEqualTo("8664");
        assertThat(efi.at("/efi/compression").asInt()).isEqualTo(1);
        assertThat(efi.at("/efi/decompressedSize").asLong()).isEqualTo(NvidiaSample.gopImage().length);
        assertThat(efi.at("/efi/gopVersion").asLong()).isEqualTo(NvidiaSample.GOP_VERSION);
        assertThat(efi.at("/npde/subImageLength").asLong()).isEqualTo(efi.get("pcirLength").asLong());
        assertThat(j.at("/nvidia/version").asText()).isEqualTo(NvidiaSample.VERSION);
        assertThat(j.at("/nvidia/signOn").asText()).isEqualTo(NvidiaSample.SIGN_ON);
        assertThat(j.at("/verdict/uefiCapable").asBoolean()).isTrue();
        assertThat(j.at("/verdict/romfileReady").asBoolean()).isFalse();
        assertThat(j.at("/checksum/x86Images/0/valid").asBoolean()).isTrue();
    }

    @Test
    void nonRomIsExit3WithAnAdvice() throws IOException {
        Path txt = tmp.resolve("not-a-rom.txt");
        Files.writeString(txt, "hello world\n".repeat(100));
        Run r = run("info", txt.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("not-a-rom.txt: no PCI option ROM found (no 55 AA signature with a PCIR structure"
                + " at any 512-byte boundary)").contains("try: vbios extract");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void severalFilesExitWithTheWorstCodeAndOneJsonDocument() throws IOException {
        Path txt = tmp.resolve("x.bin");
        Files.write(txt, new byte[1000]);
        Run r = run("info", "--json", sample().toString(), txt.toString(), tmp.resolve("missing.rom").toString());
        assertThat(r.code()).isEqualTo(3);
        JsonNode j = r.json();
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("files")).hasSize(3);
        assertThat(j.at("/files/0/optionRom").asBoolean()).isTrue();
        assertThat(j.at("/files/1/optionRom").asBoolean()).isFalse();
        assertThat(j.at("/files/2/error").asText()).contains("no such file");
    }

    @Test
    void isaVgaBiosIsRefusedCleanly() {
        Path p = Path.of("/usr/share/seabios/vgabios-isavga.bin");
        Assumptions.assumeTrue(Files.isRegularFile(p), "seabios not installed; skipping");
        Run r = run("info", p.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("legacy ROM without PCI data structure");
    }

    @Test
    void corpusTuringVerdictLineMatchesTheIssue() {
        Path p = Corpus.file("roms/turing-tu117-t1000.rom");
        Run r = run("info", p.toString());
        assertThat(r.out()).startsWith("turing-tu117-t1000.rom: NVIDIA 10de:1fb9 VBIOS 90.17.0E.00.04, NVGI v3 dump;"
                + " romfile = bytes 0x4600-0x23C00 (run vbios patch); UEFI: yes (GOP 0x5000B)");
    }

    @Test
    void demoWritesTheDumpAndDescribesIt() throws IOException {
        Path dir = tmp.resolve("demo");
        Run r = run("demo", "-o", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readAllBytes(dir.resolve(DemoCommand.DUMP))).isEqualTo(NvidiaSample.flashDump());
        assertThat(r.out()).contains("nvidia-flash-dump.rom: NVIDIA 10de:1fb9 VBIOS 90.17.0E.00.04");
        assertThat(run("demo", "-o", dir.toString()).code()).isZero();
    }

    @Test
    void folderAndEmptyFileAreCleanFailures() throws IOException {
        Path empty = tmp.resolve("empty.rom");
        Files.write(empty, new byte[0]);
        Run r = run("info", tmp.toString(), empty.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("is a folder").contains("empty.rom: no PCI option ROM found")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
