package io.github.vbios.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class HexTest {
    @Property(tries = 2000)
    void digitsMatchTheFormatter(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long v, @ForAll @IntRange(min = 1, max = 8) int w) {
        assertThat(Hex.digits(v, w)).isEqualTo(String.format(Locale.ROOT, "%0" + w + "x", v));
        assertThat(Hex.upper(v, w)).isEqualTo(String.format(Locale.ROOT, "%0" + w + "X", v));
    }

    @Test
    void idsAndDatePatterns() {
        assertThat(Hex.id16(0x10DE)).isEqualTo("10de");
        assertThat(Hex.id16(0x2)).isEqualTo("0002");
        assertThat(Hex.digitsLike("11/15/17", "99/99/99")).isTrue();
        assertThat(Hex.digitsLike("11/15/1x", "99/99/99")).isFalse();
        assertThat(Hex.digitsLike("11-15-17", "99/99/99")).isFalse();
        assertThat(Hex.digitsLike("11/15/1", "99/99/99")).isFalse();
        assertThat(Hex.digitsLike(null, "99/99/99")).isFalse();
    }
}
