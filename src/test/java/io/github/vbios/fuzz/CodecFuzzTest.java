package io.github.vbios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vbios.codec.BrotliCodec;
import io.github.vbios.codec.CodecException;
import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.codec.PeReader;
import io.github.vbios.codec.Zlib;
import io.github.vbios.io.ByteSlice;

/**
 * The codec room's decoders on hostile input: a result within the output limit, or a
 * {@link CodecException}; never another exception, a hang or an allocation past the limit.
 */
class CodecFuzzTest {
    private static final int LIMIT = 1 << 20;

    /** EFI 1.1 and Tiano decompression (rom-format.md 1.12); the first byte picks the variant. */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void efi(byte[] input) {
        if (input.length == 0) {
            return;
        }
        EfiCompressionVariant v = (input[0] & 1) == 0 ? EfiCompressionVariant.EFI_1_1 : EfiCompressionVariant.TIANO;
        try {
            assertThat(EfiDecompressor.decompress(ByteSlice.of(input).from(1), v, LIMIT).length).isLessThanOrEqualTo(LIMIT);
        } catch (CodecException expected) {
            // a finding for the caller, not a crash
        }
    }

    /** LZMA (firmware.md 2.7, GUID-defined LZMA sections) through xz-java with our limits. */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void lzma(byte[] input) {
        try {
            assertThat(Lzma.decompress(ByteSlice.of(input), LIMIT).length).isLessThanOrEqualTo(LIMIT);
        } catch (CodecException expected) {
            // refused input
        }
    }

    /** Brotli and zlib wrappers: same contract. */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void brotliAndZlib(byte[] input) {
        try {
            assertThat(BrotliCodec.decompress(ByteSlice.of(input), LIMIT).length).isLessThanOrEqualTo(LIMIT);
        } catch (CodecException expected) {
            // refused input
        }
        try {
            assertThat(Zlib.inflate(ByteSlice.of(input), LIMIT).length).isLessThanOrEqualTo(LIMIT);
        } catch (CodecException expected) {
            // refused input
        }
    }

    /** PE/COFF header reader (machine, subsystem, SizeOfImage). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void pe(byte[] input) {
        try {
            PeReader.read(ByteSlice.of(input));
        } catch (CodecException expected) {
            // not a PE image
        }
    }
}
