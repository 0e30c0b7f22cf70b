package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.rom.patch.RomfileCheck;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder.Container;
import io.github.vbios.sample.NvidiaDumpBuilder.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the romfile: validation before the rename, no overwrite without force, never over the input. */
class RomPatcherWriteTest {
    @TempDir
    Path dir;

    private PatchOutcome outcome() {
        byte[] dump = NvidiaDumpBuilder.dump(Container.NVGI_V1, Layout.A);
        return RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly());
    }

    @Test
    void writesTheValidatedRomfile() throws Exception {
        PatchOutcome o = outcome();
        Path out = dir.resolve("gpu.rom");
        RomPatcher.write(o, out, false, null);
        assertThat(Files.readAllBytes(out)).isEqualTo(o.bytes());
        assertThat(listing()).containsExactly("gpu.rom");
    }

    @Test
    void failingValidationLeavesNoFile() throws Exception {
        PatchOutcome good = outcome();
        byte[] corrupt = good.bytes().clone();
        corrupt[0x200] ^= 0x40;   // what would land on disk no longer matches the validated romfile
        PatchOutcome bad = new PatchOutcome(good.clean(), good.ids(), good.checksums(), corrupt, good.output(), false,
                List.of());
        Path out = dir.resolve("gpu.rom");
        assertThatThrownBy(() -> RomPatcher.write(bad, out, false, null)).isInstanceOf(VbiosException.class)
                .hasMessageContaining("failed validation").hasMessageContaining("was not written");
        assertThat(listing()).isEmpty();
    }

    @Test
    void failingValidationKeepsAnExistingOutputUntouched() throws Exception {
        Path out = dir.resolve("gpu.rom");
        Files.write(out, new byte[] {1, 2, 3});
        PatchOutcome good = outcome();
        PatchOutcome bad = new PatchOutcome(good.clean(), good.ids(), good.checksums(), new byte[] {0x55, (byte) 0xAA},
                good.output(), false, List.of());
        assertThatThrownBy(() -> RomPatcher.write(bad, out, true, null)).isInstanceOf(VbiosException.class);
        assertThat(Files.readAllBytes(out)).containsExactly(1, 2, 3);
        assertThat(listing()).containsExactly("gpu.rom");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path out = dir.resolve("gpu.rom");
        Files.write(out, new byte[] {9});
        assertThatThrownBy(() -> RomPatcher.write(outcome(), out, false, null)).isInstanceOf(VbiosException.class)
                .extracting(e -> ((VbiosException) e).kind()).isEqualTo(VbiosException.Kind.USAGE);
        assertThat(Files.readAllBytes(out)).containsExactly(9);
        RomPatcher.write(outcome(), out, true, null);
        assertThat(Files.readAllBytes(out)).isEqualTo(outcome().bytes());
    }

    @Test
    void neverWritesOverTheInput() throws Exception {
        Path in = dir.resolve("dump.rom");
        byte[] dump = NvidiaDumpBuilder.dump(Container.NVGI_V2, Layout.B);
        Files.write(in, dump);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly());
        assertThatThrownBy(() -> RomPatcher.write(o, dir.resolve("./dump.rom"), true, in))
                .isInstanceOf(VbiosException.class).hasMessageContaining("is the input file");
        assertThat(Files.readAllBytes(in)).isEqualTo(dump);
    }

    @Test
    void readOnlyInputIsUntouched() throws Exception {
        Path in = dir.resolve("dump.rom");
        byte[] dump = NvidiaDumpBuilder.dump(Container.NVGI_V3, Layout.A);
        Files.write(in, dump);
        assertThat(in.toFile().setWritable(false)).isTrue();
        long modified = Files.getLastModifiedTime(in).toMillis();
        PatchOutcome o = RomPatcher.prepare(ByteSlice.readFile(in, 1 << 24), new PatchOptions(true, 0x10DE, 0x1111, false));
        RomPatcher.write(o, dir.resolve("gpu.rom"), false, in);
        assertThat(Files.readAllBytes(in)).isEqualTo(dump);
        assertThat(Files.getLastModifiedTime(in).toMillis()).isEqualTo(modified);
        // (as root the file stays writable for the JVM: the guarantee is that vbios never opens it for writing)
    }

    @Test
    void notARomIsInvalidInput() {
        assertThatThrownBy(() -> RomPatcher.prepare(ByteSlice.of(new byte[4096]), PatchOptions.cleanOnly()))
                .isInstanceOf(VbiosException.class).hasMessageContaining("no PCI option ROM found")
                .satisfies(e -> assertThat(((VbiosException) e).exitCode()).isEqualTo(3));
    }

    @Test
    void truncatedChainIsRefused() {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        byte[] cut = Arrays.copyOf(rom, 0x40 * 512);
        assertThatThrownBy(() -> RomPatcher.prepare(ByteSlice.of(cut), PatchOptions.cleanOnly()))
                .isInstanceOf(VbiosException.class).hasMessageContaining("truncated");
    }

    @Test
    void checkSaysWhyADumpIsNotARomfile() {
        RomfileCheck c = RomPatcher.check(ByteSlice.of(NvidiaDumpBuilder.dump(Container.NVGI_V1, Layout.A)));
        assertThat(c.ok()).isFalse();
        assertThat(c.reasons()).anyMatch(r -> r.contains("before the first 55 AA"))
                .anyMatch(r -> r.contains("after the end of the PCI view"));
        assertThat(c.problems()).extracting(Finding::code).containsExactly(RomCode.LEADING_DATA, RomCode.TRAILING_DATA);
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        rom[0x300] ^= 1;
        RomfileCheck broken = RomPatcher.check(ByteSlice.of(rom));
        assertThat(broken.ok()).isFalse();
        assertThat(broken.reasons()).singleElement().asString().contains("--fix-checksum");
        assertThat(broken.problems()).singleElement().extracting(Finding::code).isEqualTo(RomCode.CHECKSUM_INVALID);
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
