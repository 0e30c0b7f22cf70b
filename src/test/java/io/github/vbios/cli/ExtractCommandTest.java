package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.testutil.Corpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path sample() throws Exception {
        Path in = tmp.resolve("sample.fd");
        Files.write(in, FirmwareSamples.sampleImage());
        return in;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesDisplayRomsAndTheReport() throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("extract", sample().toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("report.json", "vbios_10de_1c8d.rom", "vbios_8086_0406.rom");
        assertThat(r.out()).contains("10de:1c8d display").contains("-> vbios_10de_1c8d.rom")
                .contains("found 1 NVIDIA VBIOS image and 1 other display ROM");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("schema").asInt()).isEqualTo(1);
        assertThat(report.get("roms")).hasSize(3);
        JsonNode nv = report.get("roms").get(0);
        assertThat(nv.get("vendorId").asText()).isEqualTo("10de");
        assertThat(nv.get("classCode").asText()).isEqualTo("030000");
        assertThat(nv.get("written").asBoolean()).isTrue();
        assertThat(nv.get("provenance").asText()).contains("BIOS region@").contains("> LZMA section >");
        assertThat(ByteSlice.of(Files.readAllBytes(out.resolve("vbios_10de_1c8d.rom"))).sha256())
                .isEqualTo(nv.get("sha256").asText());
        assertThat(report.get("containers").size()).isGreaterThan(10);
        assertThat(report.get("verdict").get("nvidiaCount").asInt()).isEqualTo(1);
    }

    @Test
    void allWritesEveryRomAndJsonGoesToStdout() throws Exception {
        Path out = tmp.resolve("all");
        Result r = run("extract", "--all", "--json", sample().toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(names(out)).contains("rom_10ec_8168.rom");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("roms")).allMatch(n -> n.get("written").asBoolean());
    }

    @Test
    void refusesANonEmptyFolderWithoutForce() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "x");
        Result r = run("extract", sample().toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not empty").contains("--force");
        assertThat(run("extract", "--force", sample().toString(), "-o", out.toString()).code()).isZero();
    }

    @Test
    void nothingFoundIsExitFourAndMissingInputIsExitThree() throws Exception {
        Path empty = tmp.resolve("empty.fd");
        Files.write(empty, FirmwareBuilder.volume());
        Result r = run("extract", empty.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.out()).contains("no video BIOS found");
        assertThat(run("extract", tmp.resolve("nope.bin").toString()).code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run("extract", "--max-total", "lots", empty.toString()).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void ovmfReportListsVolumesAndSections() throws Exception {
        Path ovmf = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
        Assumptions.assumeTrue(Files.isRegularFile(ovmf), "ovmf not installed; skipping");
        Path out = tmp.resolve("ovmf");
        Result r = run("extract", ovmf.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("roms")).isEmpty();
        long volumes = 0;
        long sections = 0;
        for (JsonNode c : report.get("containers")) {
            volumes += c.get("kind").asText().equals("volume") ? 1 : 0;
            sections += c.get("kind").asText().equals("section") ? 1 : 0;
        }
        assertThat(volumes).isGreaterThanOrEqualTo(3);
        assertThat(sections).isGreaterThan(100);
    }

    @Test
    void lgImageEndToEnd() throws Exception {
        Path lg = Corpus.file("firmware/lg-r510-insyde.fd");
        Path out = tmp.resolve("lg");
        Result r = run("extract", lg.toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(names(out)).hasSize(6).contains("vbios_8086_2a42.rom", "report.json")
                .filteredOn(n -> n.startsWith("vbios_10de_")).hasSize(4);
        assertThat(r.out()).contains("found 4 NVIDIA VBIOS images");
    }
}
