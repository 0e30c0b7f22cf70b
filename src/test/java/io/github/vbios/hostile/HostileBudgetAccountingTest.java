package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.CodecException;
import io.github.vbios.codec.Lzma;
import io.github.vbios.codec.Zlib;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Limits;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.2 and 12.7 in process: the budget counts the bytes of failed, oversized and guessed
 * streams, ends with an incomplete reason, and the walk survives every depth --max-depth allows.
 * Sizes are asserted, never times.
 */
class HostileBudgetAccountingTest {
    private static final int MIB = 1 << 20;

    private static Extraction walk(byte[] input, Limits limits) {
        return Extractor.run(ByteSlice.of(input), "bomb", limits, ExternalTools.none());
    }

    private static Limits total(long bytes) {
        return new Limits(32, bytes, 64 * MIB, 10_000);
    }

    @Test
    void failedLzmaSectionsCountAgainstTheTotal() {
        // 1,000 sections of 64 MiB - 1 zeros declaring 64 MiB: each fails at its very end
        Extraction x = walk(BudgetBombs.lzmaWrongSize(1000), total(256L * MIB));
        // three streams fit; the fourth declares more than is left and closes the budget
        assertThat(x.decodedBytes()).isBetween(192L * MIB, 256L * MIB + 1);
        assertThat(x.incomplete()).containsExactly(Incomplete.DECODE_BUDGET);
        assertThat(x.findings()).filteredOn(f -> f.finding().is(FirmwareCode.LIMIT_TOTAL)).hasSize(1);
        // the walk stopped decoding: 4 full streams, not 1,000 (2,000 with the +4 retry)
        assertThat(x.findings()).filteredOn(f -> f.finding().is(FirmwareCode.DECODE_FAILED) || f.finding().is(FirmwareCode.STREAM_REFUSED))
                .hasSizeLessThanOrEqualTo(5);
        assertThat(BudgetBombs.lzmaWrongSize(1000).length).as("the issue's 9.6 MB input").isBetween(9_000_000, 10_000_000);
    }

    @Test
    void xzStreamsOverTheStreamCapCountToo() {
        Extraction x = walk(BudgetBombs.xzOverCap(2, 50), total(512L * MIB));
        assertThat(x.decodedBytes()).isBetween(448L * MIB, 512L * MIB + 1);
        assertThat(x.incomplete()).containsExactly(Incomplete.STREAM_LIMIT, Incomplete.DECODE_BUDGET);
    }

    @Test
    void nestedZipEndsOnTheBudget() {
        Extraction x = walk(BudgetBombs.nestedZip(), total(512L * MIB));
        assertThat(x.decodedBytes()).isLessThanOrEqualTo(512L * MIB + 1);
        assertThat(x.incomplete()).contains(Incomplete.DECODE_BUDGET);
    }

    @Test
    void theDeadlineEndsTheWalk() {
        // budget for everything, but no time: the first check after 1 ms ends the walk
        Extraction x = walk(BudgetBombs.nestedZip(), new Limits(32, Long.MAX_VALUE / 2, 64 * MIB, 10_000, 1));
        assertThat(x.incomplete()).contains(Incomplete.DEADLINE);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.LIMIT_DEADLINE)
                && f.finding().message().contains("raise --deadline"));
    }

    @Test
    void carvedLzmaGuessesThatFailStillCount() {
        // a loose LZMA-alone stream of 4 MiB - 1 zeros that declares 4 MiB: a plausible guess that fails
        byte[] stream = Lzma.compress(new byte[4 * MIB - 1]);
        ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).putLong(5, 4L * MIB);
        byte[] area = FirmwareBuilder.concat(new byte[] {1, 2, 3, 4}, stream, new byte[] {5, 6, 7});
        Extraction x = walk(area, Limits.defaults());
        assertThat(x.decodedBytes()).isGreaterThanOrEqualTo(4L * MIB - (1 << 16));
    }

    @Test
    void codecFailuresSayHowMuchTheyProduced() {
        byte[] good = Lzma.compress(new byte[MIB]);
        byte[] lying = good.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putLong(5, MIB + 1L);
        CodecException e = catchCodec(() -> Lzma.decompress(ByteSlice.of(lying), 64 * MIB));
        assertThat(e.produced()).isBetween((long) MIB - (1 << 16), MIB + 1L);

        byte[] zlib = FirmwareWrappers.zlib(new byte[4 * MIB]);
        CodecException z = catchCodec(() -> Zlib.inflate(ByteSlice.of(zlib), MIB));
        assertThat(z.produced()).isEqualTo(MIB + 1L);
        assertThat(z.isOverLimit()).isTrue();
    }

    @Test
    void deepCrc32ChainsEndOnTheDepthLimitNotTheStack() {
        byte[] core = FirmwareBuilder.sections(FirmwareBuilder.rawSection(new byte[64]));
        Extraction x = walk(BudgetBombs.crc32Chain(20_000, core), new Limits(1000, Limits.GIB, 64 * MIB, 10_000));
        assertThat(x.incomplete()).containsExactly(Incomplete.DEPTH_LIMIT);
        Extraction max = walk(BudgetBombs.crc32Chain(Limits.MAX_DEPTH + 10, core),
                new Limits(Limits.MAX_DEPTH, Limits.GIB, 64 * MIB, 10_000));
        assertThat(max.incomplete()).containsExactly(Incomplete.DEPTH_LIMIT);
    }

    @Test
    void deepZipChainsEndOnTheDepthLimitNotTheStack() {
        Extraction x = walk(BudgetBombs.storedZipChain(3000, new byte[64]), new Limits(2000, Limits.GIB, 64 * MIB, 10_000));
        assertThat(x.incomplete()).containsExactly(Incomplete.DEPTH_LIMIT);
    }

    private interface Decode {
        byte[] run() throws CodecException;
    }

    private static CodecException catchCodec(Decode d) {
        try {
            d.run();
        } catch (CodecException e) {
            return e;
        }
        throw new AssertionError("expected a CodecException");
    }
}
