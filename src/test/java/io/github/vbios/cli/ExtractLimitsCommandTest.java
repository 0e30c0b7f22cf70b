package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.firmware.Limits;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.FirmwareWrappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limit flags of extract (issue 12.2, 12.7) and the incomplete verdict they lead to. */
class ExtractLimitsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void maxDepthIsBounded() throws Exception {
        Path in = Files.write(tmp.resolve("in.fd"), FirmwareSamples.sampleImage());
        ExtractCommandTest.Result r = ExtractCommandTest.run("extract", in.toString(), "--max-depth",
                Integer.toString(Limits.MAX_DEPTH + 1));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at most " + Limits.MAX_DEPTH);
        assertThat(ExtractCommandTest.run("extract", in.toString(), "--max-depth",
                Integer.toString(Limits.MAX_DEPTH)).code()).isZero();
    }

    @Test
    void deadlineTakesATime() throws Exception {
        Path in = Files.write(tmp.resolve("in.fd"), FirmwareSamples.sampleImage());
        assertThat(ExtractCommandTest.run("extract", in.toString(), "--deadline", "soon").code()).isEqualTo(2);
        assertThat(ExtractCommandTest.run("extract", in.toString(), "--deadline", "0").code()).isZero();
        assertThat(ExtractCommandTest.run("extract", in.toString(), "--deadline", "5m").code()).isZero();
        assertThat(ExtractCommand.parseDuration("250ms")).isEqualTo(250);
        assertThat(ExtractCommand.parseDuration("60s")).isEqualTo(60_000);
        assertThat(ExtractCommand.parseDuration("2")).isEqualTo(2_000);
        assertThat(ExtractCommand.parseDuration("1h")).isEqualTo(3_600_000);
    }

    /** A ROM found while part of the input was skipped: written, but the run says incomplete (exit 8). */
    @Test
    void incompleteRunStillWritesWhatItFound() throws Exception {
        byte[] rom = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x8000);
        Path in = tmp.resolve("both.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(in))) {
            z.putNextEntry(new ZipEntry("a.gz"));
            z.write(FirmwareWrappers.gzip(new byte[4 << 20]));
            z.putNextEntry(new ZipEntry("rom.bin"));
            z.write(rom);
            z.closeEntry();
        }
        Path out = tmp.resolve("out");
        ExtractCommandTest.Result r = ExtractCommandTest.run("extract", in.toString(), "--max-stream", "1M",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(8);
        assertThat(r.out()).contains("found 1 NVIDIA VBIOS image")
                .contains("incomplete: the input could not be fully examined (stream-limit)");
        assertThat(r.err()).contains("raise --max-stream").contains("what was found is written");
        assertThat(Files.readAllBytes(out.resolve("vbios_10de_1c8d.rom"))).isEqualTo(rom);
        JsonNode doc = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertThat(doc.get("verdict").get("complete").asBoolean()).isFalse();
        assertThat(doc.get("verdict").get("incompleteReasons").get(0).asText()).isEqualTo("stream-limit");
        assertThat(doc.get("findings")).anyMatch(f -> f.get("code").asText().equals("firmware.limit-stream"));
    }

    @Test
    void nothingFoundInAnIncompleteWalkIsNotExitFour() throws Exception {
        Path in = Files.write(tmp.resolve("in.zip"), FirmwareWrappers.zip("x.gz", FirmwareWrappers.gzip(new byte[4 << 20])));
        ExtractCommandTest.Result r = ExtractCommandTest.run("extract", in.toString(), "--max-total", "1M", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(8);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("verdict").get("message").asText()).startsWith("incomplete:")
                .doesNotContain("no video BIOS found");
        assertThat(doc.get("verdict").get("incompleteReasons").get(0).asText()).isEqualTo("decode-budget");
    }
}
