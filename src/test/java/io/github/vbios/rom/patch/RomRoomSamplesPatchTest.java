package io.github.vbios.rom.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.sample.NvidiaContainerBuilder;
import io.github.vbios.sample.NvidiaDumps;
import io.github.vbios.sample.NvidiaLayoutB;
import io.github.vbios.sample.NvidiaSample;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same guarantees on the rom room's own sample builders ({@link NvidiaSample} chains with a BIT
 * and a real compressed GOP, wrapped by {@link NvidiaContainerBuilder}): every container kind, both layouts.
 */
class RomRoomSamplesPatchTest {
    static Stream<Arguments> dumps() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (String layout : new String[] {"A", "B"}) {
            byte[] chain = layout.equals("A") ? NvidiaSample.layoutA() : NvidiaLayoutB.chain();
            s.add(Arguments.of(layout, "none", (Function<byte[], byte[]>) c -> OptionRomTail.withFill(c), chain));
            s.add(Arguments.of(layout, "nvgi-v1", (Function<byte[], byte[]>) c -> NvidiaDumps.nvgi(1, c, 0x1000), chain));
            s.add(Arguments.of(layout, "nvgi-v2", (Function<byte[], byte[]>) c -> NvidiaDumps.nvgi(2, c, 0x1000), chain));
            s.add(Arguments.of(layout, "nvgi-v3", (Function<byte[], byte[]>) c -> NvidiaContainerBuilder.nvgiV3(c, 0x1000), chain));
            s.add(Arguments.of(layout, "nvfw-rfrd-v4", (Function<byte[], byte[]>) c -> NvidiaDumps.nvfw(c, 0x1000), chain));
        }
        return s.build();
    }

    /** A plain chain followed by 0xFF fill, like a dump of a card without a container. */
    static final class OptionRomTail {
        static byte[] withFill(byte[] chain) {
            byte[] out = Arrays.copyOf(chain, chain.length + 0x1000);
            Arrays.fill(out, chain.length, out.length, (byte) 0xFF);
            return out;
        }
    }

    @ParameterizedTest(name = "layout {0}, {1}")
    @MethodSource("dumps")
    void romfileIsThePciViewAndSurvivesSetIds(String layout, String kind, Function<byte[], byte[]> wrap, byte[] chain) {
        byte[] dump = wrap.apply(chain);
        RomAnalysis plain = RomAnalyzer.analyze(ByteSlice.of(chain));
        byte[] expected = Arrays.copyOf(chain, (int) plain.pciView().end());

        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly());
        assertThat(o.clean().container().kind().jsonName()).isEqualTo(kind.equals("none") ? "plain" : kind);
        assertThat(o.bytes()).isEqualTo(expected);
        assertThat(o.output().verdict().romfileReady()).isTrue();
        assertThat(o.output().verdict().uefiCapable()).isEqualTo(plain.verdict().uefiCapable());
        assertThat(o.clean().trailing()).isNotEmpty();

        PatchOutcome ids = RomPatcher.prepare(ByteSlice.of(dump), new PatchOptions(true, 0x10DE, 0x2204, false));
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(ids.bytes()));
        assertThat(a.identity().deviceId()).isEqualTo(0x2204);
        ChecksumFixerTest.assertSubBlocksZero(ids.bytes());
        ChecksumFixerTest.assertAllRangesValid(ids.bytes());
        assertThat(RomPatcher.check(ByteSlice.of(ids.bytes())).ok()).isTrue();
        // the ID change and checksum fix leave the BIT identity alone
        assertThat(a.identity().nvidia().map(n -> n.toString())).isEqualTo(
                RomAnalyzer.analyze(ByteSlice.of(o.bytes())).identity().nvidia().map(n -> n.toString()));
    }
}
