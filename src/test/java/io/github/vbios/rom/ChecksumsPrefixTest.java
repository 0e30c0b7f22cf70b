package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ChecksumsPrefixTest {
    @Property(tries = 1000)
    void oneSharedPassGivesTheSameSumsAsSeparateRanges(@ForAll byte[] data, @ForAll @IntRange(min = 0, max = 50) int off,
                                                       @ForAll @IntRange(min = -5, max = 400) int a,
                                                       @ForAll @IntRange(min = -5, max = 400) int b,
                                                       @ForAll @IntRange(min = -5, max = 400) int c) {
        ByteSlice s = ByteSlice.of(data);
        int[] got = Checksums.prefixSums(s, off, a, b, c);
        assertThat(got).containsExactly(Checksums.sum(s, off, a), Checksums.sum(s, off, b), Checksums.sum(s, off, c));
    }
}
