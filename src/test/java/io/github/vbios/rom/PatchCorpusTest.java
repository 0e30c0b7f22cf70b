package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.patch.CleanReport;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 4: for every corpus ROM the romfile's sha256 is the PCI-view sha256 of the corpus README. */
class PatchCorpusTest {
    static Stream<Arguments> roms() {
        return Stream.of(
                Arguments.of("kepler-gk107.rom", 0x400, 135168, "ff84c04e109c02bf2d08537b18d4ba6aa508f5fb1e09abe768958a62e83cba99"),
                Arguments.of("maxwell-m2200m.rom", 0, 197120, "9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d"),
                Arguments.of("pascal-p5000m.rom", 0xA00, 228864, "9942aa4634c58f4b233cab5a5930ebc5842275fc9a8f43718fca0dbe1f6fba76"),
                Arguments.of("turing-tu117-t1000.rom", 0x4600, 128512, "d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616"),
                Arguments.of("amd-rx580.rom", 0, 119296, "50d2d1d8c643a4c01d134a15f385b759333f94a8a57cc3d0c4c9c8d23067e197"));
    }

    @ParameterizedTest
    @MethodSource("roms")
    void romfileIsThePciView(String name, int start, int length, String sha, @TempDir Path dir) throws Exception {
        Path in = Corpus.file("roms/" + name);
        byte[] before = Files.readAllBytes(in);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(before), PatchOptions.cleanOnly());
        assertThat(o.clean().headerLength()).isEqualTo(start);
        assertThat(o.bytes()).hasSize(length);
        assertThat(o.sha256()).isEqualTo(sha);
        assertThat(o.clean().romBarSize()).isEqualTo(CleanReport.pow2ceil(length));
        Path out = dir.resolve("out.rom");
        RomPatcher.write(o, out, false, in);
        assertThat(ByteSlice.of(Files.readAllBytes(out)).sha256()).isEqualTo(sha);
        assertThat(RomPatcher.check(ByteSlice.of(Files.readAllBytes(out))).ok()).isTrue();
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void turingTailHasPrivateImagesBackupCopyAndTrailingNbsi() throws Exception {
        byte[] dump = Files.readAllBytes(Corpus.file("roms/turing-tu117-t1000.rom"));
        CleanReport r = RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly()).clean();
        List<TrailingRegion> t = r.trailing();
        assertThat(t.get(0)).extracting(TrailingRegion::offset, TrailingRegion::kind)
                .containsExactly(0x23C00L, TrailingRegion.Kind.NVIDIA_IMAGES);
        assertThat(t).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(TrailingRegion.Kind.BACKUP_COPY);
            assertThat(x.offset()).isEqualTo(0x54000L);
            assertThat(x.description()).contains("byte-identical");
        });
        assertThat(t).anySatisfy(x -> assertThat(x.offset()).isEqualTo(0xF9E00L));
        assertThat(t.get(t.size() - 1).end()).isEqualTo(dump.length);
    }
}
