package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.patch.ChecksumFixer;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.rom.patch.RomfileCheck;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder.Container;
import io.github.vbios.sample.NvidiaDumpBuilder.Layout;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated synthetic and corpus dumps: the cleaner, the fixer, the ID patcher and the check end in a
 * result or a user-facing "invalid input" error, never in an unexpected exception (DESIGN.md 4).
 */
class PatchPropertiesTest {
    private static final List<byte[]> BASES = bases();

    private static List<byte[]> bases() {
        List<byte[]> out = new ArrayList<>();
        for (Container c : Container.values()) {
            for (Layout l : Layout.values()) {
                out.add(NvidiaDumpBuilder.dump(c, l));
            }
        }
        out.add(new NvidiaDumpBuilder(Container.NVGI_V3, Layout.A).backupCopy(true).infoRom(true).build());
        Path root = Corpus.rootOrNull();
        if (root != null) {
            for (String f : List.of("kepler-gk107.rom", "maxwell-m2200m.rom", "amd-rx580.rom")) {
                try {
                    out.add(Files.readAllBytes(root.resolve("roms").resolve(f)));
                } catch (IOException e) {
                    // corpus incomplete: the synthetic dumps still cover every path
                }
            }
        }
        return out;
    }

    /** One mutation: overwrite {@code count} bytes at {@code at} with {@code value}, or truncate at {@code at}. */
    record Mutation(int at, int count, int value, boolean truncate) {
        byte[] apply(byte[] in) {
            int pos = Math.floorMod(at, Math.max(1, in.length));
            if (truncate) {
                return Arrays.copyOf(in, pos);
            }
            byte[] out = in.clone();
            for (int i = pos; i < Math.min(out.length, pos + count); i++) {
                out[i] = (byte) (value == 256 ? out[i] ^ 0xFF : value);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        // headers, pointers and lengths sit in the first bytes of each image and of the container: bias there
        Arbitrary<Integer> at = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x200),
                Combinators.combine(Arbitraries.integers().between(0, 0x60), Arbitraries.integers().between(0, 0x800))
                        .as((field, block) -> block * 0x200 + field), Arbitraries.integers().between(0, 1 << 20));
        Arbitrary<Mutation> m = Combinators.combine(at, Arbitraries.integers().between(1, 4),
                Arbitraries.of(0, 0xFF, 0x55, 0xAA, 0x80, 0x01, 256), Arbitraries.of(false, false, false, false, true))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, BASES.size() - 1), m.list().ofMinSize(1).ofMaxSize(4))
                .as((i, ms) -> {
                    byte[] b = BASES.get(i);
                    for (Mutation x : ms) {
                        b = x.apply(b);
                    }
                    return b;
                });
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void patchEndsInAResultOrInvalidInput(@ForAll("mutated") byte[] dump) {
        for (PatchOptions o : List.of(PatchOptions.cleanOnly(), new PatchOptions(true, 0x10DE, 0x1234, false),
                new PatchOptions(false, null, null, true))) {
            try {
                PatchOutcome r = RomPatcher.prepare(ByteSlice.of(dump), o);
                assertThat(r.bytes()).isNotEmpty();
                assertThat(RomAnalyzer.analyze(ByteSlice.of(r.bytes())).pciView().start()).isZero();
                assertThat(r.clean().trailing().stream().mapToLong(TrailingRegion::length).sum())
                        .isEqualTo(r.clean().trailingLength());
            } catch (VbiosException e) {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(VbiosException.Kind.INVALID_INPUT);
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void fixerAndCheckNeverThrow(@ForAll("mutated") byte[] dump) {
        ChecksumFixer.Result r = ChecksumFixer.fix(dump);
        assertThat(r.bytes()).hasSameSizeAs(dump);
        RomfileCheck c = RomPatcher.check(ByteSlice.of(dump));
        assertThat(c.ok() || !c.reasons().isEmpty()).isTrue();
        if (r.problems().isEmpty() && !r.after().isEmpty()) {
            assertThat(r.after()).allSatisfy(x -> assertThat(x.valid()).isTrue());
        }
    }
}
