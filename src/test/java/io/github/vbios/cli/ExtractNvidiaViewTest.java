package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 16 point 5: {@code extract} reports the NVIDIA view of a layout-A NVIDIA ROM, also when
 * the ROM sits inside a larger blob (system firmware), and writes it with {@code --nvidia-view};
 * {@code ssdt} says when a layout-A ROM lacks its NVIDIA-only images (code acpi.nvidia-images-missing).
 */
class ExtractNvidiaViewTest {
    static byte[] kepler() throws Exception {
        return Files.readAllBytes(Corpus.file("roms/kepler-gk107.rom"));
    }

    @Test
    void aLayoutARomInsideABlobIsReportedAndWrittenWithItsNvidiaView(@TempDir Path dir) throws Exception {
        byte[] k = kepler();
        byte[] nv = Arrays.copyOfRange(k, 0x400, 0x29E00);
        byte[] blob = new byte[0x10000 + nv.length + 0x8000];
        Arrays.fill(blob, (byte) 0xFF);
        System.arraycopy(nv, 0, blob, 0x10000, nv.length);
        Path in = dir.resolve("system.bin");
        Files.write(in, blob);
        SsdtCommandTest.Result r = SsdtCommandTest.run("extract", in.toString(), "-o", dir.resolve("a").toString(),
                "--nvidia-view", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rom = Json.mapper().readTree(r.out()).get("roms").get(0);
        assertThat(rom.get("size").asLong()).isEqualTo(0x21000);
        assertThat(rom.get("nvidiaView").get("size").asLong()).isEqualTo(nv.length);
        String file = rom.get("nvidiaView").get("file").asText();
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).isEqualTo(nv);
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(rom.get("file").asText())))
                .isEqualTo(Arrays.copyOfRange(k, 0x400, 0x21400));
        // without the flag: reported, not written
        SsdtCommandTest.Result t = SsdtCommandTest.run("extract", in.toString(), "-o", dir.resolve("b").toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("NVIDIA view " + nv.length + " bytes", "--nvidia-view");
        assertThat(dir.resolve("b").resolve(file)).doesNotExist();
    }

    @Test
    void ssdtSaysWhenTheNvidiaImagesAreMissing(@TempDir Path dir) throws Exception {
        Path pci = dir.resolve("gk107.rom");
        Files.write(pci, Arrays.copyOfRange(kepler(), 0x400, 0x21400));
        SsdtCommandTest.Result r = SsdtCommandTest.run("ssdt", "--rom", pci.toString(), "-o", dir.resolve("t").toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("findings").get(0).get("code").asText()).isEqualTo("acpi.nvidia-images-missing");
        assertThat(j.get("rom").get("view").asText()).isEqualTo("pci");
        SsdtCommandTest.Result full = SsdtCommandTest.run("ssdt", "--rom", Corpus.file("roms/kepler-gk107.rom").toString(),
                "--clean", "-o", dir.resolve("u").toString(), "--json");
        assertThat(full.code()).as(full.err()).isZero();
        JsonNode f = Json.mapper().readTree(full.out());
        assertThat(f.get("rom").get("view").asText()).isEqualTo("nvidia");
        assertThat(f.get("rom").get("size").asLong()).isEqualTo(0x29A00);
        assertThat(f.get("findings").get(0).get("code").asText()).isEqualTo("acpi.nvidia-view-served");
    }
}
