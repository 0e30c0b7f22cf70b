package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.sample.NvidiaLayoutB;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.RealDumpLayouts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 15 "Shadow copies" and "No false positives", on files built to the real dumps' layouts. */
class ShadowCopyTest {
    private static RomAnalysis analyze(byte[] b) {
        return RomAnalyzer.analyze(ByteSlice.of(b));
    }

    @Test
    void turingBootShadowIsAShadowCopyButNotTruncated() {
        byte[] b = RealDumpLayouts.turingBootShadow();
        assertThat(b).hasSize(0xDC00);
        RomAnalysis a = analyze(b);
        assertThat(a.pciView().truncated()).isFalse();
        assertThat(a.pciView().end()).isEqualTo(0xDC00);
        assertThat(a.checksums().get(0).valid()).isTrue();
        assertThat(a.verdict().problems()).noneMatch(w -> w.is(RomCode.CHAIN_TRUNCATED) || w.is(RomCode.CHECKSUM_RANGE_PAST_END)
                || w.is(RomCode.BYTE2_PAST_END));
        assertThat(a.findings()).noneMatch(f -> f.is(RomCode.TRUNCATED));
        assertThat(a.verdict().shadowCopySuspect()).isTrue();
        assertThat(a.verdict().shadow().evidence()).anyMatch(e -> e.contains("NPDE still says 0xEC00"))
                .anyMatch(e -> e.contains("more images follow"));
        assertThat(a.verdict().uefiCapable()).isNull();
        assertThat(a.verdict().uefiUnknownReason()).contains("cannot be judged");
        assertThat(a.verdict().advice()).contains("TechPowerUp").contains("secondary GPU").contains("vbios extract");
        assertThat(a.verdict().advice().indexOf("TechPowerUp")).isLessThan(a.verdict().advice().indexOf("secondary GPU"));
        assertThat(a.verdict().advice().indexOf("secondary GPU")).isLessThan(a.verdict().advice().indexOf("vbios extract"));
    }

    @Test
    void patchRefusesAShadowCopyWithTheWayOutUnlessAllowed() {
        ByteSlice in = ByteSlice.of(RealDumpLayouts.turingBootShadow());
        assertThatThrownBy(() -> RomPatcher.prepare(in, PatchOptions.cleanOnly()))
                .isInstanceOf(VbiosException.class)
                .satisfies(e -> assertThat(((VbiosException) e).exitCode()).isEqualTo(3))
                .hasMessageContaining("shadowed copy").hasMessageContaining("TechPowerUp")
                .hasMessageContaining("--allow-shadow").hasMessageNotContaining("truncated");
        PatchOutcome o = RomPatcher.prepare(in, PatchOptions.cleanOnly().allowing(true, false));
        assertThat(o.bytes()).hasSize(0xDC00);
        assertThat(o.warnings()).anyMatch(w -> w.contains("shadowed copy"));
        assertThat(o.problems()).filteredOn(w -> w.is(RomCode.SHADOW_COPY)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("shadowed copy"));
        assertThat(RomPatcher.check(in).ok()).isFalse();
        assertThat(RomPatcher.check(in).problems()).anyMatch(r -> r.is(RomCode.SHADOW_COPY));
        assertThat(RomPatcher.check(in).reasons()).anyMatch(r -> r.contains("shadowed copy"))
                .noneMatch(r -> r.contains("truncated"));
    }

    @Test
    void anX86ImageCutOutOfALaptopRomTellsTheSameStory() {
        byte[] b = RealDumpLayouts.laptopX86Alone();
        assertThat(b).hasSize(61952);
        RomAnalysis a = analyze(b);
        assertThat(a.verdict().shadowCopySuspect()).isTrue();
        assertThat(a.verdict().uefiCapable()).isNull();
        assertThat(a.verdict().problems()).noneMatch(w -> w.is(RomCode.SEABIOS_CHECKSUM_INVALID))
                .anyMatch(w -> w.is(RomCode.BYTE2_PAST_END) && w.message().contains("107008"));
        assertThatThrownBy(() -> RomPatcher.prepare(ByteSlice.of(b), PatchOptions.cleanOnly()))
                .isInstanceOf(VbiosException.class).hasMessageContaining("shadowed copy");
    }

    @Test
    void theSampleHostShadowIsStillOne() {
        assertThat(analyze(SampleOptionRoms.shadowedLegacy(0x10de, 0x1b80)).verdict().shadowCopySuspect()).isTrue();
    }

    @Test
    void legacyOnlyLayoutBLaptopRomIsNoShadowCopy() {
        byte[] b = RealDumpLayouts.pascalLegacyLayoutB();
        assertThat(b).hasSize(0x2C800);
        RomAnalysis a = analyze(b);
        assertThat(a.nvidiaImages()).extracting(RomImage::offset).containsExactly(0L, 0xEE00L, 0x1D400L, 0x2BE00L);
        X86Checksum s = a.checksums().get(0);
        assertThat(s.byte2Length()).isEqualTo(0x1D400);
        assertThat(s.byte2Sum()).isZero();
        assertThat(s.pcirSum()).isZero();
        assertThat(s.npdeSum()).isZero();
        assertThat(a.verdict().shadowCopySuspect()).isFalse();
        assertThat(a.verdict().uefiCapable()).isFalse();
        assertThat(a.verdict().romfileReady()).isTrue();
        assertThat(a.verdict().warnings()).isEmpty();
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(b), PatchOptions.cleanOnly());
        assertThat(o.warnings()).isEmpty();
        assertThat(RomPatcher.check(ByteSlice.of(b)).ok()).isTrue();
    }

    @Test
    void aHealthyLayoutBDumpIsNoShadowEither() {
        assertThat(analyze(NvidiaLayoutB.chain()).verdict().shadowCopySuspect()).isFalse();
        assertThat(analyze(NvidiaSample.layoutA()).verdict().shadowCopySuspect()).isFalse();
    }

    @Test
    void realCorpusRomsAreNoShadowCopies() throws IOException {
        for (var f : Corpus.files("roms")) {
            RomAnalysis a = analyze(Files.readAllBytes(f));
            assertThat(a.verdict().shadowCopySuspect()).as(f.toString()).isFalse();
            assertThat(a.verdict().uefiCapable()).as(f.toString()).isTrue();
            assertThat(a.verdict().efiDamaged()).as(f.toString()).isFalse();
        }
    }

    /** The x86 image of the real P5000M saved alone: its NPDE sub-image, 61,952 bytes (issue 15). */
    @Test
    void theRealP5000mX86ImageAloneIsAShadowLikeCopy() throws IOException {
        byte[] full = Files.readAllBytes(Corpus.file("roms/pascal-p5000m.rom"));
        byte[] x86 = Arrays.copyOfRange(full, 0xA00, 0xA00 + 0xF200);
        RomAnalysis a = analyze(x86);
        assertThat(a.verdict().shadowCopySuspect()).isTrue();
        assertThat(a.verdict().uefiCapable()).isNull();
        assertThat(a.verdict().shadow().evidence()).anyMatch(e -> e.contains("the x86 image alone"));
        assertThat(a.verdict().problems()).noneMatch(w -> w.is(RomCode.CHECKSUM_INVALID) || w.is(RomCode.SEABIOS_CHECKSUM_INVALID));
    }

    /** The real T1000's x86 image shrunk the way a boot Turing's firmware does it. */
    @Test
    void theRealT1000X86ImageShrunkAtBootIsAShadowCopy() throws IOException {
        byte[] full = Files.readAllBytes(Corpus.file("roms/turing-tu117-t1000.rom"));
        byte[] b = Arrays.copyOfRange(full, 0x4600, 0x4600 + 0xDC00);
        b[2] = (byte) 0x6E;
        int pcir = (b[0x18] & 0xFF) | (b[0x19] & 0xFF) << 8;
        b[pcir + 0x10] = 0x6E;
        b[pcir + 0x11] = 0;
        b[pcir + 0x15] = 0;
        int sum = 0;
        for (int i = 0; i < b.length - 1; i++) {
            sum += b[i];
        }
        b[b.length - 1] = (byte) -sum;
        RomAnalysis a = analyze(b);
        assertThat(a.pciView().truncated()).isFalse();
        assertThat(a.checksums().get(0).valid()).isTrue();
        assertThat(a.verdict().shadowCopySuspect()).isTrue();
        assertThat(a.verdict().shadow().evidence()).anyMatch(e -> e.contains("NPDE still says 0xE600"));
        assertThat(a.verdict().uefiCapable()).isNull();
    }
}
