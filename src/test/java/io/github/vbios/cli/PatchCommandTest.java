package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder.Container;
import io.github.vbios.sample.NvidiaDumpBuilder.Layout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end {@code vbios patch} through {@link Main#run}. */
class PatchCommandTest {
    @TempDir
    Path dir;
    Path dump;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void setUp() throws Exception {
        dump = dir.resolve("nvflash.rom");
        Files.write(dump, new NvidiaDumpBuilder(Container.NVGI_V3, Layout.A).backupCopy(true).build());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void patchesAndSaysWhatItCut() throws Exception {
        Path rom = dir.resolve("gpu.rom");
        assertThat(run("patch", dump.toString(), "-o", rom.toString())).isZero();
        assertThat(out.toString()).contains("NVGI v3 dump").contains("cut before:  0x0-0x4600")
                .contains("NVIDIA-only images after the PCI view").contains("backup copy").contains("0xFF fill")
                .contains("QEMU ROM BAR 64 KiB").contains("wrote " + rom);
        assertThat(run("patch", "--check", rom.toString())).isZero();
        assertThat(out.toString()).contains("a correct romfile");
        assertThat(run("patch", "--check", dump.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("not a correct romfile").contains("before the first 55 AA");
    }

    @Test
    void layoutBNotesCarryCodes() throws Exception {
        Path b = Files.write(dir.resolve("b.rom"), new NvidiaDumpBuilder(Container.NVGI_V3, Layout.B).build());
        assertThat(run("patch", "--json", b.toString(), "-o", dir.resolve("b-clean.rom").toString(),
                "--set-ids", "10DE:2204", "--fix-checksum")).as(err.toString()).isZero();
        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.get("noteCodes").toString()).isEqualTo("[\"rom.layout-b-images-kept\"]");
        assertThat(doc.get("noteSeverities").toString()).isEqualTo("[\"info\"]");
        assertThat(doc.get("notes")).hasSize(1);
        assertThat(doc.at("/ids/skippedCodes")).hasSameSizeAs(doc.at("/ids/skipped"));
        assertThat(doc.at("/ids/skippedCodes").isArray()).isTrue();
    }

    @Test
    void jsonDocument() throws Exception {
        Path rom = dir.resolve("gpu.rom");
        assertThat(run("patch", "--json", dump.toString(), "-o", rom.toString(), "--set-ids", "10DE:2204",
                "--fix-checksum")).isZero();
        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.at("/container/kind").asText()).isEqualTo("nvgi-v3");
        assertThat(doc.at("/cut/headerLength").asLong()).isEqualTo(0x4600);
        assertThat(doc.at("/output/romBarSize").asLong()).isEqualTo(65536);
        assertThat(doc.at("/output/sha256").asText()).isEqualTo(ByteSlice.of(Files.readAllBytes(rom)).sha256());
        assertThat(doc.at("/trailing/0/kind").asText()).isEqualTo("nvidia-images");
        assertThat(doc.at("/ids/changes/0/newDeviceId").asText()).isEqualTo("2204");
        assertThat(doc.at("/checksums/after/0/byte2/sum").asInt()).isZero();
        assertThat(doc.at("/checksums/allValid").asBoolean()).isTrue();
        // every range fixed: codes beside the (empty) sentences, one convention with the other arrays
        assertThat(doc.at("/checksums/problemCodes").isArray()).isTrue();
        assertThat(doc.at("/checksums/problemCodes")).hasSameSizeAs(doc.at("/checksums/problems")).isEmpty();
        assertThat(doc.at("/checksums/noteCodes")).hasSameSizeAs(doc.at("/checksums/notes"));
        assertThat(doc.at("/checksums/noteSeverities")).hasSameSizeAs(doc.at("/checksums/notes"));
        assertThat(run("patch", "--check", "--json", rom.toString())).isZero();
        assertThat(Json.mapper().readTree(out.toString()).get("romfileOk").asBoolean()).isTrue();
        assertThat(run("patch", "--check", "--json", dump.toString())).isEqualTo(3);
        JsonNode check = Json.mapper().readTree(out.toString());
        assertThat(check.get("reasonCodes")).hasSameSizeAs(check.get("reasons"));
        assertThat(check.at("/reasonCodes/0").asText()).isEqualTo("rom.leading-data");
        assertThat(check.at("/reasons/0").asText()).contains("before the first 55 AA");
    }

    @Test
    void infoOnThePatchedRomfileShowsTheNewIdsAndValidChecksums() throws Exception {
        Path rom = dir.resolve("ids.rom");
        assertThat(run("patch", dump.toString(), "-o", rom.toString(), "--set-ids", "10de:2204", "--fix-checksum")).isZero();
        assertThat(run("info", "--json", rom.toString())).isZero();
        JsonNode info = Json.mapper().readTree(out.toString());
        assertThat(info.at("/verdict/romfileReady").asBoolean()).isTrue();
        assertThat(info.at("/images/0/deviceId").asText()).isEqualTo("2204");
        assertThat(info.at("/images/1/deviceId").asText()).isEqualTo("2204");
        assertThat(info.at("/checksum/x86Images/0/valid").asBoolean()).isTrue();
        assertThat(info.at("/checksum/x86Images/0/seabiosAccepts").asBoolean()).isTrue();
        assertThat(info.at("/checksum/x86Images/0/npdeLength/sum").asInt()).isZero();
    }

    @Test
    void aBrokenChecksumIsWrittenWithAWarningUnlessFixed() throws Exception {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        rom[0x300] ^= 1;
        Path in = Files.write(dir.resolve("broken.rom"), rom);
        assertThat(run("patch", in.toString(), "-o", dir.resolve("a.rom").toString())).isZero();
        assertThat(out.toString()).contains("warning:").contains("--fix-checksum");
        assertThat(run("patch", "--json", in.toString(), "-o", dir.resolve("j.rom").toString())).isZero();
        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.get("warnings")).hasSize(1);
        assertThat(doc.at("/warningCodes/0").asText()).isEqualTo("rom.checksum-invalid");
        assertThat(run("patch", in.toString(), "-o", dir.resolve("b.rom").toString(), "--fix-checksum")).isZero();
        assertThat(out.toString()).doesNotContain("warning:").contains("fixed 0x0-0x8000");
        assertThat(run("patch", "--check", dir.resolve("b.rom").toString())).isZero();
    }

    @Test
    void setIdsWithoutFixChecksumIsAUsageError() {
        Path rom = dir.resolve("gpu.rom");
        assertThat(run("patch", dump.toString(), "-o", rom.toString(), "--set-ids", "10de:2204")).isEqualTo(2);
        assertThat(err.toString()).contains("--fix-checksum");
        assertThat(rom).doesNotExist();
        assertThat(run("patch", dump.toString(), "-o", rom.toString(), "--set-ids", "10de", "--fix-checksum")).isEqualTo(2);
        assertThat(err.toString()).contains("VVVV:DDDD");
    }

    @Test
    void noOverwriteWithoutForceAndNeverOverTheInput() throws Exception {
        Path rom = dir.resolve("gpu.rom");
        Files.write(rom, new byte[] {7});
        assertThat(run("patch", dump.toString(), "-o", rom.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--force");
        assertThat(Files.readAllBytes(rom)).containsExactly(7);
        assertThat(run("patch", dump.toString(), "-o", rom.toString(), "--force")).isZero();
        byte[] before = Files.readAllBytes(dump);
        assertThat(run("patch", dump.toString(), "-o", dump.toString(), "--force")).isEqualTo(2);
        assertThat(err.toString()).contains("is the input file");
        assertThat(Files.readAllBytes(dump)).isEqualTo(before);
    }

    @Test
    void alreadyCleanInputIsCopied() throws Exception {
        Path clean = dir.resolve("clean.rom");
        Files.write(clean, NvidiaDumpBuilder.dump(Container.NONE, Layout.B));
        Path rom = dir.resolve("copy.rom");
        assertThat(run("patch", clean.toString(), "-o", rom.toString())).isZero();
        assertThat(out.toString()).contains("already a clean romfile").contains("identical copy");
        assertThat(Files.readAllBytes(rom)).isEqualTo(Files.readAllBytes(clean));
    }

    @Test
    void keepNvidiaImagesAndErrors() throws Exception {
        Path rom = dir.resolve("full.rom");
        assertThat(run("patch", dump.toString(), "-o", rom.toString(), "--keep-nvidia-images")).isZero();
        assertThat(Files.size(rom)).isEqualTo(NvidiaDumpBuilder.chain(Layout.A, NvidiaDumpBuilder.DEVICE).length);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a rom at all");
        assertThat(run("patch", text.toString(), "-o", dir.resolve("x.rom").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no PCI option ROM found");
        assertThat(run("patch", dump.toString())).isEqualTo(2);
        assertThat(run("patch", "--check", text.toString())).isEqualTo(3);
        assertThat(run("patch", dir.resolve("missing.rom").toString(), "-o", rom.toString() + "2")).isEqualTo(3);
        assertThat(run("patch", "--help")).isZero();
        assertThat(out.toString()).contains("--set-ids").contains("Examples");
    }
}
