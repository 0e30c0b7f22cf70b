package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.archive.Archives;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private static final byte[] IMAGE = Fixtures.romVolume(s -> s);

    @Test
    void depthLimitIsAFinding() {
        byte[] nested = IMAGE;
        for (int i = 0; i < 6; i++) {
            nested = FirmwareWrappers.gzip(nested);
        }
        Extraction x = Fixtures.extract(nested, new Limits(4, Limits.GIB, 64 * Limits.MIB, 10_000));
        assertThat(Fixtures.hasNvRom(x)).isFalse();
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.LIMIT_DEPTH) && f.finding().message().contains("4"));
        assertThat(Fixtures.hasNvRom(Fixtures.extract(nested))).isTrue();
    }

    @Test
    void perStreamCapStopsABomb() {
        byte[] bomb = FirmwareWrappers.gzip(new byte[8 * Limits.MIB]);
        Extraction x = Fixtures.extract(bomb, new Limits(8, Limits.GIB, Limits.MIB, 10_000));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.LIMIT_STREAM) && f.finding().message().contains("gzip"));
        // the refused stream was decoded up to one byte past the cap: that work counts (issue 12.2)
        assertThat(x.decodedBytes()).isEqualTo(Limits.MIB + 1L);
        assertThat(x.incomplete()).containsExactly(Incomplete.STREAM_LIMIT);
    }

    @Test
    void totalBudgetIsShared() {
        byte[] part = FirmwareWrappers.zlib(IMAGE);
        byte[] zip = FirmwareWrappers.zip("a.bin", FirmwareBuilder.concat(part));
        byte[] two = FirmwareWrappers.sevenZ("b.zip", zip);
        Extraction x = Fixtures.extract(two, new Limits(16, IMAGE.length, 64 * Limits.MIB, 10_000));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.LIMIT_TOTAL));
        assertThat(x.decodedBytes()).isLessThanOrEqualTo(IMAGE.length + 1L);
        assertThat(x.incomplete()).contains(Incomplete.DECODE_BUDGET);
    }

    @Test
    void ratioCapBoundsTheStreamCap() {
        Limits l = new Limits(8, Limits.GIB, 64 * Limits.MIB, 100);
        assertThat(l.streamCap(10)).isEqualTo(Limits.MIB);
        assertThat(l.streamCap(100_000)).isEqualTo(10_000_000);
        assertThat(l.streamCap(10_000_000)).isEqualTo(64 * Limits.MIB);
    }

    @Test
    void entryNamesAreSanitised() {
        byte[] zip = FirmwareWrappers.zip("../../etc/passwd\u0000x", IMAGE);
        String p = Fixtures.nvProvenance(Fixtures.extract(zip));
        assertThat(p).startsWith("in.bin > zip:_._.._etc_passwd_x > ").doesNotContain("/");
        assertThat(Archives.entryName("zip", "a/b c")).isEqualTo("zip:a_b_c");
    }

    @Test
    void recordsAreCappedForMillionsOfTinySections() {
        byte[] body = new byte[4 * (Walk.MAX_RECORDS + 10)];
        for (int i = 0; i < body.length; i += 4) {
            body[i] = 4;
            body[i + 3] = 0x19;
        }
        Extraction x = Fixtures.extract(Fixtures.volumeWith(body));
        assertThat(x.containers()).hasSize(Walk.MAX_RECORDS);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.LIMIT_RECORDS));
    }
}
