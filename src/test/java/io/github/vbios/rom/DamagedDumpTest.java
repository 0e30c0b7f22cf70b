package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.sample.RealDumpLayouts;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Issue 15 "Damaged dumps": an X64 EFI image that does not decode is a damaged dump, not a romfile to patch. */
class DamagedDumpTest {
    private static RomAnalysis analyze(byte[] b) {
        return RomAnalyzer.analyze(ByteSlice.of(b));
    }

    private static void assertDamagedAndRefused(byte[] b) {
        RomAnalysis a = analyze(b);
        assertThat(a.verdict().efiDamaged()).isTrue();
        assertThat(a.verdict().uefiCapable()).isFalse();
        assertThat(a.verdict().advice()).contains("damaged").contains("again").doesNotContain("run vbios patch");
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.EFI_DAMAGED));
        assertThatThrownBy(() -> RomPatcher.prepare(ByteSlice.of(b), PatchOptions.cleanOnly()))
                .isInstanceOf(VbiosException.class)
                .satisfies(e -> assertThat(((VbiosException) e).exitCode()).isEqualTo(3))
                .hasMessageContaining("the dump is damaged").hasMessageContaining("--allow-broken-efi");
        PatchOutcome forced = RomPatcher.prepare(ByteSlice.of(b), PatchOptions.cleanOnly().allowing(false, true));
        assertThat(forced.bytes()).isNotEmpty();
        assertThat(RomPatcher.check(ByteSlice.of(b)).reasons()).anyMatch(r -> r.contains("damaged"));
    }

    @Test
    void aHealthyGopIsNotDamaged() {
        RomAnalysis a = analyze(RealDumpLayouts.amdWithGop());
        assertThat(a.verdict().efiDamaged()).isFalse();
        assertThat(a.verdict().uefiCapable()).isTrue();
    }

    @Test
    void flippedBytesInTheCompressedPayloadAreADamagedDump() {
        assertDamagedAndRefused(RealDumpLayouts.amdDamagedGop(315));
    }

    /** The real RX 580 with 315 bytes changed inside its compressed EFI payload, as the GPU-Z dump differs. */
    @Test
    void theRealRx580WithADamagedPayloadIsRefused() throws IOException {
        byte[] b = Files.readAllBytes(Corpus.file("roms/amd-rx580.rom"));
        assertThat(analyze(b).verdict().efiDamaged()).isFalse();
        int efi = 0xEC00;
        int payload = efi + ((b[efi + 0x16] & 0xFF) | (b[efi + 0x17] & 0xFF) << 8);
        for (int i = 0; i < 315; i++) {
            b[payload + 0x1000 + i * 97] ^= (byte) 0x5A;
        }
        assertDamagedAndRefused(b);
    }

    @Test
    void efiImagesWithZeroIdsGetANoteNotAWarning() {
        RomAnalysis a = analyze(RealDumpLayouts.gopWithZeroIds());
        assertThat(a.pciImages()).anyMatch(i -> i.isEfi() && i.vendorId() == 0 && i.deviceId() == 0);
        assertThat(a.verdict().problems()).noneMatch(w -> w.is(RomCode.IDS_DIFFER));
        assertThat(a.verdict().remarks()).anyMatch(n -> n.is(RomCode.EFI_IDS_ZERO) && n.severity() == Severity.INFO
                && a.pciImages().stream().anyMatch(i -> i.isEfi() && i.offset() == n.offset()));
        assertThat(a.verdict().efiDamaged()).isFalse();
        assertThat(a.verdict().uefiCapable()).isTrue();
    }
}
