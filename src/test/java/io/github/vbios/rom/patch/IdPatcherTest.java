package io.github.vbios.rom.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.PeSample;
import org.junit.jupiter.api.Test;

/** --set-ids: what is left alone says why with a code (JSON ids.skippedCodes), not only in words. */
class IdPatcherTest {
    @Test
    void imageWithOtherIdsIsLeftAloneWithItsCode() {
        byte[] rom = new OptionRomBuilder()
                .add(OptionRomBuilder.x86(0x10DE, 0x1234).sizeBlocks(2).classCode(0x030000))
                .add(OptionRomBuilder.efi(0xFFF3, 0, 0x8664, 0, PeSample.pe32Plus(0x8664, 11, 0x800, null)))
                .build();
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(rom));
        IdPatcher.Result r = IdPatcher.patch(rom, a, 0x10DE, 0x2204);
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.imageOffset()).isZero());
        assertThat(r.leftAlone()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RomCode.IDS_KEPT_OTHER_IDS);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.offset()).isEqualTo(a.pciImages().get(1).offset());
        });
        assertThat(r.skipped()).hasSize(1);
    }

    @Test
    void noPciImageSaysSoWithACode() {
        byte[] notRom = new byte[1024];
        IdPatcher.Result r = IdPatcher.patch(notRom, RomAnalyzer.analyze(ByteSlice.of(notRom)), 0x10DE, 0x2204);
        assertThat(r.changes()).isEmpty();
        assertThat(r.leftAlone()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(RomCode.NO_PCI_VIEW));
    }
}
