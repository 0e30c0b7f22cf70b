package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * No false positives (issue 15): the legacy-only NVIDIA ROMs of a real laptop firmware (LG R510,
 * one x86 image each, checksums valid) are no shadow copies; info and patch agree.
 */
class LegacyRomsNoShadowTest {
    @Test
    void theLgR510NvidiaRomsAreLegacyOnlyButNoShadowCopies() throws IOException {
        Extraction x = CorpusExtractTest.run(Corpus.file("firmware/lg-r510-insyde.fd"));
        var nvidia = x.roms().stream().filter(CarvedRom::isNvidia).toList();
        assertThat(nvidia).hasSizeGreaterThanOrEqualTo(4);
        for (CarvedRom r : nvidia) {
            ByteSlice rom = ByteSlice.of(r.pciView().toArray());
            RomAnalysis a = RomAnalyzer.analyze(rom);
            assertThat(a.verdict().shadowCopySuspect()).as(r.provenance().toString()).isFalse();
            assertThat(a.verdict().uefiCapable()).as(r.provenance().toString()).isFalse();
            assertThat(RomPatcher.prepare(rom, PatchOptions.cleanOnly()).warnings()).as(r.provenance().toString())
                    .noneMatch(w -> w.contains("shadow"));
        }
    }
}
