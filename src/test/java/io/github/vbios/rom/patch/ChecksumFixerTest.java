package io.github.vbios.rom.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.nvidia.Npde;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder.Container;
import io.github.vbios.sample.NvidiaDumpBuilder.Layout;
import io.github.vbios.sample.RomImages;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --fix-checksum and --set-ids (issue 4, rom-format.md 1.10). */
class ChecksumFixerTest {
    /** Every NVIDIA sub-block inside each x86 image's PCIR length sums to zero. */
    static void assertSubBlocksZero(byte[] rom) {
        ByteSlice s = ByteSlice.of(rom);
        RomAnalysis a = RomAnalyzer.analyze(s);
        for (RomImage x86 : a.pciImages().stream().filter(RomImage::isX86).toList()) {
            long end = x86.offset() + x86.pcirLength();
            TreeSet<Long> bounds = new TreeSet<>(List.of(x86.offset(), end, x86.offset() + x86.nvidiaLength()));
            a.nvidiaImages().stream().map(RomImage::offset).filter(o -> o > x86.offset() && o < end).forEach(bounds::add);
            List<Long> b = new ArrayList<>(bounds);
            for (int i = 0; i + 1 < b.size(); i++) {
                assertThat(s.sum8(b.get(i), b.get(i + 1) - b.get(i))).as("block at 0x%X", b.get(i)).isZero();
            }
        }
    }

    static void assertAllRangesValid(byte[] rom) {
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(rom));
        assertThat(ChecksumFixer.pciChecksums(a)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.byte2Sum()).isZero();
            assertThat(c.pcirSum()).isZero();
            assertThat(c.npdeSum()).isIn(0, -1);
            assertThat(c.valid()).isTrue();
            assertThat(c.seabiosAccepts()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void setIdsThenAnalyzeShowsNewIdsAndValidChecksums(Layout l) {
        byte[] dump = NvidiaDumpBuilder.dump(Container.NVGI_V2, l);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), new PatchOptions(true, 0x10DE, 0x2204, false));
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(o.bytes()));
        assertThat(a.identity().vendorId()).isEqualTo(0x10DE);
        assertThat(a.identity().deviceId()).isEqualTo(0x2204);
        assertThat(a.pciImages()).allSatisfy(i -> assertThat(i.deviceId()).isEqualTo(0x2204));
        // the private images keep their ROM device ID
        assertThat(a.nvidiaImages()).filteredOn(i -> i.codeType() == 0xE0)
                .allSatisfy(i -> assertThat(i.deviceId()).isEqualTo(NvidiaDumpBuilder.ROM_DEVICE));
        assertSubBlocksZero(o.bytes());
        assertAllRangesValid(o.bytes());
        assertThat(o.checksums().orElseThrow().fixes()).hasSize(1);
        assertThat(o.checksums().orElseThrow().allValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kepler-gk107.rom", "maxwell-m2200m.rom", "pascal-p5000m.rom", "turing-tu117-t1000.rom",
        "amd-rx580.rom"})
    void corpusSetIdsKeepsEverySubBlockZeroSum(String name) throws Exception {
        byte[] dump = Files.readAllBytes(Corpus.file("roms/" + name));
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), new PatchOptions(true, 0x1234, 0xABCD, false));
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(o.bytes()));
        assertThat(a.identity().vendorId()).isEqualTo(0x1234);
        assertThat(a.identity().deviceId()).isEqualTo(0xABCD);
        assertThat(RomPatcher.check(ByteSlice.of(o.bytes())).ok()).isTrue();
        assertSubBlocksZero(o.bytes());
        assertAllRangesValid(o.bytes());
        assertThat(o.bytes().length).isEqualTo(o.clean().resultLength());
        if (name.startsWith("amd")) {
            // AMD ATOM BIOS: the checksum byte at 0x21
            assertThat(o.checksums().orElseThrow().fixes()).singleElement()
                    .satisfies(f -> assertThat(f.byteOffset()).isEqualTo(0x21));
        }
    }

    @Test
    void fixingAnUntouchedRomChangesNothing() throws Exception {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.fixes()).isEmpty();
        assertThat(r.bytes()).isEqualTo(rom);
        assertThat(r.before()).isEqualTo(r.after());
    }

    @Test
    void brokenSubBlocksAreFixedWithTheirOwnSumByte() {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        int e0 = 0x40 * 512;
        rom[0x300] ^= 0x11;          // x86 code
        rom[e0 + 0x300] ^= 0x22;     // first E0 image
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.fixes()).extracting(ChecksumFixer.Fix::byteOffset).containsExactly((long) e0 - 1,
                (long) e0 + 0x18 * 512 - 1);
        assertSubBlocksZero(r.bytes());
        assertAllRangesValid(r.bytes());
        assertThat(r.before().get(0).valid()).isFalse();
    }

    @Test
    void seabiosRangeEndingInsideABlockIsFixedWithoutBreakingTheBlock() {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        rom[2] = (byte) (0x40 + 0x0C);          // byte 2 now ends 0x1800 into the E0 image (padding there)
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.problems()).isEmpty();
        assertSubBlocksZero(r.bytes());
        assertAllRangesValid(r.bytes());
        assertThat(r.fixes()).hasSize(3);
    }

    @Test
    void blockWithChecksumDisabledIsKeptZeroSumAndSaysSo() {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        int e0 = 0x40 * 512;
        RomImage image = RomAnalyzer.analyze(ByteSlice.of(rom)).allImages().stream().filter(i -> i.offset() == e0)
                .findFirst().orElseThrow();
        long npde = image.npde().orElseThrow().offset();
        rom[(int) npde + 0x0B] |= (byte) Npde.FLAG_CHECKSUM_DISABLED;
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.remarks()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RomCode.NPDE_CHECKSUM_DISABLED);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.offset()).isEqualTo(e0);
        });
        assertThat(r.problems()).isEmpty();
        assertSubBlocksZero(r.bytes());
    }

    @Test
    void otherVendorsUseByte6() {
        byte[] rom = RomImages.genericX86(0x8086, 0x1234, 0x20, true);
        rom[0x200] ^= 0x5A;
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.fixes()).singleElement().satisfies(f -> assertThat(f.byteOffset()).isEqualTo(6));
        assertAllRangesValid(r.bytes());
    }

    @Test
    void blockWithoutPaddingIsReportedNotGuessed() {
        byte[] rom = RomImages.genericX86(0x10DE, 0x1234, 0x02, true);   // 1 KiB, code to the end, no NPDE
        for (int i = 0x100; i < rom.length; i++) {
            rom[i] = (byte) (i % 251 + 1);
        }
        ChecksumFixer.Result r = ChecksumFixer.fix(rom);
        assertThat(r.problems()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RomCode.CHECKSUM_FIX_NO_SAFE_BYTE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.offset()).isBetween(0L, (long) rom.length);
        });
        assertThat(r.bytes()).isEqualTo(rom);
    }

    @Test
    void setIdsWithoutFixChecksumIsRefused() {
        assertThatThrownBy(() -> new PatchOptions(false, 0x10DE, 0x1234, false)).isInstanceOf(VbiosException.class)
                .hasMessageContaining("--fix-checksum")
                .satisfies(e -> assertThat(((VbiosException) e).kind()).isEqualTo(VbiosException.Kind.USAGE));
    }
}
