package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.rom.patch.RomfileCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real option ROMs from Debian packages (ipxe-qemu, seabios): already romfiles, so patch copies them
 * unchanged; the ISA-style VGA BIOS (no PCIR) is refused; --set-ids works on a non-NVIDIA ROM.
 */
class PatchDebianRomTest {
    static List<Path> roms() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("/usr/lib/ipxe/qemu", "/usr/share/seabios")) {
            Path d = Path.of(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".rom") || p.getFileName().toString().startsWith("vgabios-"))
                            .sorted().forEach(out::add);
                }
            }
        }
        Assumptions.assumeFalse(out.isEmpty(), "packages ipxe-qemu / seabios not installed; skipping");
        return out;
    }

    @Test
    void pciRomsAreAlreadyCleanAndNonPciRomsAreRefused() throws Exception {
        int clean = 0;
        for (Path p : roms()) {
            byte[] rom = Files.readAllBytes(p);
            RomfileCheck c = RomPatcher.check(ByteSlice.of(rom));
            if (!c.analysis().isOptionRom()) {
                // vgabios-isavga.bin, vgabios-ramfb.bin: 55 AA without a PCI data structure
                assertThat(c.ok()).isFalse();
                assertThatThrownBy(() -> RomPatcher.prepare(ByteSlice.of(rom), PatchOptions.cleanOnly()))
                        .isInstanceOf(VbiosException.class).hasMessageContaining("not a PCI option ROM");
                continue;
            }
            assertThat(c.ok()).as(p + ": " + c.reasons()).isTrue();
            PatchOutcome o = RomPatcher.prepare(ByteSlice.of(rom), PatchOptions.cleanOnly());
            assertThat(o.clean().alreadyClean()).as(p.toString()).isTrue();
            assertThat(o.identicalToInput()).isTrue();
            clean++;
        }
        assertThat(clean).isGreaterThan(0);
    }

    @Test
    void setIdsOnAnIpxeRomUsesByte6() throws Exception {
        Path p = Path.of("/usr/lib/ipxe/qemu/efi-e1000.rom");
        Assumptions.assumeTrue(Files.isRegularFile(p), "ipxe-qemu not installed; skipping");
        PatchOutcome o = RomPatcher.prepare(ByteSlice.readFile(p, 1 << 24), new PatchOptions(true, 0x8086, 0x10D3, false));
        assertThat(o.ids().orElseThrow().changes()).hasSize(2);
        assertThat(o.checksums().orElseThrow().fixes()).singleElement()
                .satisfies(f -> assertThat(f.byteOffset()).isEqualTo(6));
        assertThat(RomPatcher.check(ByteSlice.of(o.bytes())).ok()).isTrue();
        assertThat(RomAnalyzer.analyze(ByteSlice.of(o.bytes())).identity().deviceId()).isEqualTo(0x10D3);
    }
}
