package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.Severity;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The facts of ../shared/corpus/README.md, reproduced. */
class CorpusExtractTest {
    static final Map<String, String> LG_DISPLAY = Map.of(
            "10de:0648", "9aaa44fea592e38093d7e7a5e3947316ff84f946ccd8f543f2e203b040607a0f",
            "10de:06e9", "5c2ff6688f0c808b454008539694673a343eb7ea5b41204247398375f0b1e5ac",
            "10de:06ec", "6aba209e91572532ba8d1c2cd6a16f3291eac02c8b04f487ba9c1d7f6a18514f",
            "10de:0652", "da8105cfa8e9125d7f030c40b4c4fa3cd2421563615b03074063ce5664b724bb",
            "8086:2a42", "9c1d885e9fdc6ade5c47ab95b99b59fb999ef1f9ee04c9768dc593370c1ee5e3");

    static Extraction run(Path file) throws IOException {
        return Extractor.run(ByteSlice.readFile(file, 1L << 30), file.getFileName().toString(), Limits.defaults(),
                ExternalTools.none());
    }

    private static String id(CarvedRom r) {
        return Hex.id16(r.vendorId()) + ":" + Hex.id16(r.deviceId());
    }

    @Test
    void lgR510HoldsExactlyTheFourNvidiaRomsAndTheIntelVbios() throws IOException {
        Extraction x = run(Corpus.file("firmware/lg-r510-insyde.fd"));
        ExtractPlan plan = ExtractPlan.of(x, false);
        List<ExtractPlan.Output> written = plan.outputs().stream().filter(ExtractPlan.Output::written).toList();
        assertThat(written).hasSize(5);
        for (ExtractPlan.Output o : written) {
            CarvedRom r = o.rom();
            assertThat(LG_DISPLAY).containsEntry(id(r), r.sha256());
            assertThat(ByteSlice.of(r.pciView().toArray()).sha256()).isEqualTo(LG_DISPLAY.get(id(r)));
            assertThat(r.checksumValid()).isTrue();
        }
        assertThat(written.subList(0, 4)).allMatch(o -> o.rom().isNvidia());
        assertThat(plan.verdict()).startsWith("found 4 NVIDIA VBIOS images");
        assertThat(x.nvidiaCount()).isEqualTo(4);
        assertThat(x.roms().stream().filter(r -> r.vendorId() == 0x10DE))
                .allMatch(r -> r.provenance().toString().contains("> LZMA section >") && r.provenance().toString().contains("> CRC32 section >"));
    }

    @Test
    void lgR510WithAllAddsStorageAndNetworkRoms() throws IOException {
        Extraction x = run(Corpus.file("firmware/lg-r510-insyde.fd"));
        List<String> all = ExtractPlan.of(x, true).outputs().stream().filter(ExtractPlan.Output::written)
                .map(o -> id(o.rom()) + "/" + o.rom().pciView().length()).toList();
        assertThat(all).hasSize(8).contains("8086:2929/16896", "10ec:8168/45056", "10ec:8136/45056");
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.SECTION_CRC_INVALID) && f.finding().message().contains("D95D0315h"));
    }

    @ParameterizedTest
    @CsvSource({
        "roms/kepler-gk107.rom, ff84c04e109c02bf2d08537b18d4ba6aa508f5fb1e09abe768958a62e83cba99, 135168",
        "roms/maxwell-m2200m.rom, 9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d, 197120",
        "roms/pascal-p5000m.rom, 9942aa4634c58f4b233cab5a5930ebc5842275fc9a8f43718fca0dbe1f6fba76, 228864",
        "roms/turing-tu117-t1000.rom, d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616, 128512",
        "roms/amd-rx580.rom, 50d2d1d8c643a4c01d134a15f385b759333f94a8a57cc3d0c4c9c8d23067e197, 119296"})
    void gpuDumpsYieldTheirPciView(String file, String sha, int length) throws IOException {
        Extraction x = run(Corpus.file(file));
        ExtractPlan plan = ExtractPlan.of(x, false);
        List<ExtractPlan.Output> written = plan.outputs().stream().filter(ExtractPlan.Output::written).toList();
        assertThat(written).hasSize(1);
        assertThat(written.get(0).rom().sha256()).isEqualTo(sha);
        assertThat(written.get(0).rom().pciView().length()).isEqualTo(length);
        assertThat(plan.found()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_CODE.fd"})
    void ovmfHoldsNoRomButIsWalkedCompletely(String path) throws IOException {
        Path p = Path.of(path);
        Assumptions.assumeTrue(Files.isRegularFile(p), path + " not installed (package ovmf); skipping");
        Extraction x = run(p);
        assertThat(x.roms()).isEmpty();
        assertThat(ExtractPlan.of(x, true).found()).isFalse();
        assertThat(x.containerCounts().get("volume")).isGreaterThanOrEqualTo(3);
        assertThat(x.containerCounts().get("file")).isGreaterThan(100);
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("section") && "GUID-defined".equals(c.detail())
                && Guid.LZMA.equals(c.name()));
        assertThat(x.findings()).noneMatch(f -> f.finding().severity() == Severity.ERROR);
    }
}
