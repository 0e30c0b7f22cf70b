package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.patch.CleanReport;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peer test against QEMU (issue 4): the romfile is loaded on an emulated VGA device
 * ({@code -device VGA,romfile=OUT}, CPU stopped with {@code -S}); QEMU must start without an error
 * and size the ROM RAM block as {@link CleanReport#romBarSize()} says. QEMU 7.2 accepts any
 * non-empty file as romfile, the unpatched dump included; what differs is the ROM size (and
 * that the guest firmware finds no 55 AA at offset 0). Only an empty file is refused.
 */
class PatchQemuPeerTest {
    private static final String QEMU = "qemu-system-x86_64";
    private static final Pattern VGA_ROM = Pattern.compile("vga\\.rom.*?0x[0-9a-fA-F]+\\s+(0x[0-9a-fA-F]+)\\s+0x[0-9a-fA-F]+");

    @TempDir
    Path dir;

    record QemuRun(int exit, String stdout, String stderr) {
        long romSize() {
            Matcher m = VGA_ROM.matcher(stdout);
            return m.find() ? Long.decode(m.group(1)) : -1;
        }
    }

    static QemuRun qemu(Path romfile) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(QEMU, "-machine", "q35", "-S", "-display", "none", "-nodefaults",
                    "-device", "VGA,romfile=" + romfile.toAbsolutePath(), "-monitor", "stdio").start();
        } catch (IOException e) {
            Assumptions.abort(QEMU + " is not installed (package qemu-system-x86); skipping the QEMU peer test");
            throw e;
        }
        p.getOutputStream().write("info ramblock\nquit\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("QEMU did not quit within 60 s");
        }
        return new QemuRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kepler-gk107.rom", "maxwell-m2200m.rom", "pascal-p5000m.rom", "turing-tu117-t1000.rom",
        "amd-rx580.rom"})
    void qemuAcceptsTheRomfileWithTheReportedBarSize(String name) throws Exception {
        Path dump = Corpus.file("roms/" + name);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.readFile(dump, 1 << 24), PatchOptions.cleanOnly());
        Path rom = dir.resolve("gpu.rom");
        RomPatcher.write(o, rom, false, dump);
        QemuRun patched = qemu(rom);
        assertThat(patched.exit()).as(patched.stderr()).isZero();
        assertThat(patched.stderr()).isBlank();
        assertThat(patched.romSize()).isEqualTo(o.clean().romBarSize());

        // the unpatched dump: QEMU 7.2 accepts it as well, but its ROM is sized by the whole dump
        QemuRun raw = qemu(dump);
        assertThat(raw.exit()).isZero();
        assertThat(raw.stderr()).isBlank();
        assertThat(raw.romSize()).isEqualTo(CleanReport.pow2ceil(Files.size(dump)));
    }

    @Test
    void syntheticNvfwDumpAndQemusOnlyRefusal() throws Exception {
        byte[] dump = NvidiaDumpBuilder.dump(NvidiaDumpBuilder.Container.NVFW_V4, NvidiaDumpBuilder.Layout.A);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), new PatchOptions(true, 0x10DE, 0x2D04, false));
        Path rom = dir.resolve("gb.rom");
        RomPatcher.write(o, rom, false, null);
        QemuRun patched = qemu(rom);
        assertThat(patched.exit()).isZero();
        assertThat(patched.stderr()).isBlank();
        assertThat(patched.romSize()).isEqualTo(o.clean().romBarSize()).isEqualTo(0x10000);

        Path empty = Files.createFile(dir.resolve("empty.rom"));
        QemuRun refused = qemu(empty);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.stderr()).contains("is empty");
    }
}
