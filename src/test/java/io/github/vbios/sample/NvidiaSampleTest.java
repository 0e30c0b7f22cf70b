package io.github.vbios.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.io.ByteSlice;
import org.junit.jupiter.api.Test;

/** The demo's stored GOP stream is what the test-side encoder makes of the sample GOP. */
class NvidiaSampleTest {
    @Test
    void storedCompressedGopIsTheEncodersOutputAndDecodesBack() throws Exception {
        byte[] stored = NvidiaSample.compressedGop();
        // a changed gopImage() or encoder must regenerate the resource (see NvidiaSample.COMPRESSED_GOP)
        assertThat(stored).isEqualTo(EfiCompressor.compress(NvidiaSample.gopImage(), EfiCompressionVariant.EFI_1_1));
        assertThat(EfiDecompressor.decompress(ByteSlice.of(stored), EfiCompressionVariant.EFI_1_1, 1 << 20))
                .isEqualTo(NvidiaSample.gopImage());
    }
}
