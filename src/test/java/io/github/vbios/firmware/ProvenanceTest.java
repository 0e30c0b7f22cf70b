package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import org.junit.jupiter.api.Test;

/** Carved ROMs, findings and seen structures keep the provenance itself, step by step. */
class ProvenanceTest {
    @Test
    void carvedRomsKeepTheStepsThatLedToThem() {
        Extraction x = Fixtures.extract(FirmwareWrappers.gzip(Fixtures.romVolume(FirmwareBuilder::crc32Section)));
        CarvedRom nv = x.roms().stream().filter(r -> r.sha256().equals(Fixtures.NV_SHA)).findFirst().orElseThrow();
        assertThat(nv.provenance().steps()).startsWith("in.bin", "gzip", "FV@0x0");
        assertThat(nv.provenance().steps().get(nv.provenance().depth() - 1)).startsWith("rom@0x");
        assertThat(nv.provenance().toString()).isEqualTo(String.join(" > ", nv.provenance().steps()));
        assertThat(x.containers()).allMatch(c -> c.path().steps().get(0).equals("in.bin"));
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("volume") && c.path().depth() == 2);
    }
}
