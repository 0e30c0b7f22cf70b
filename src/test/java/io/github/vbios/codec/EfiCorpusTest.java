package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every compressed EFI image in the corpus (corpus README; rom-format.md 1.12 "Verified"). */
class EfiCorpusTest {
    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("roms/kepler-gk107.rom", 0x10000, 136480, "d12d15826bab4ecf"),
                Arguments.of("roms/maxwell-m2200m.rom", 0x1BA00, 40960, "b45080c7a2689033"),
                Arguments.of("roms/maxwell-m2200m.rom", 0x1EA00, 138400, "732dbad8c8344bb0"),
                Arguments.of("roms/pascal-p5000m.rom", 0x28200, 128608, "4d9835efec3520b4"),
                Arguments.of("roms/turing-tu117-t1000.rom", 0x12C00, 132528, "15ba885fb0317dea"),
                Arguments.of("roms/amd-rx580.rom", 0xEC00, 106024, "440c75cb21d90eae"));
    }

    /** The compressed payload of the EFI image at {@code offset}: [EfiImageHeaderOffset, InitSize*512) (1.3). */
    static ByteSlice payload(String file, int offset) throws Exception {
        Path p = Corpus.file(file);
        ByteSlice rom = ByteSlice.readFile(p, 16 << 20);
        ByteSlice image = rom.from(offset);
        assertThat(image.u16(0)).isEqualTo(0xAA55);
        assertThat(image.u32(4)).isEqualTo(0xEF1);
        assertThat(image.u16(0x0C)).as("CompressionType").isEqualTo(1);
        int end = Math.min(image.u16(2) * 512, image.length());
        int start = image.u16(0x16);
        return image.slice(start, end - start);
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("images")
    void efi11DecodesToTheKnownDriver(String file, int offset, int size, String shaPrefix) throws Exception {
        ByteSlice in = payload(file, offset);
        assertThat(EfiDecompressor.originalSize(in)).isEqualTo(size);
        byte[] out = EfiDecompressor.decompress(in, EfiCompressionVariant.EFI_1_1, 16 << 20);
        assertThat(out).hasSize(size);
        assertThat(ByteSlice.of(out).sha256()).startsWith(shaPrefix);
        PeHeader pe = PeReader.read(ByteSlice.of(out));
        assertThat(pe.machine()).isEqualTo(0x8664);
        assertThat(pe.subsystem()).isEqualTo(11);
        assertThat(pe.pe32Plus()).isTrue();
        assertThat(pe.te()).isFalse();
        assertThat(pe.numberOfSections()).isPositive();
        assertThat(pe.sizeOfImage()).isGreaterThanOrEqualTo(size / 2);
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("images")
    void tianoVariantRejectsThem(String file, int offset, int size, String shaPrefix) throws Exception {
        ByteSlice in = payload(file, offset);
        assertThatThrownBy(() -> EfiDecompressor.decompress(in, EfiCompressionVariant.TIANO, 16 << 20))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("bit");
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("images")
    void outputLimitIsCheckedBeforeDecoding(String file, int offset, int size, String shaPrefix) throws Exception {
        ByteSlice in = payload(file, offset);
        assertThatThrownBy(() -> EfiDecompressor.decompress(in, EfiCompressionVariant.EFI_1_1, size - 1))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("exceeds the limit");
    }
}
