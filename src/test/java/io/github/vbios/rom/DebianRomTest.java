package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Peer data: the Debian ipxe-qemu and seabios option ROMs (skipped when the packages are absent). */
class DebianRomTest {
    static final Path IPXE = Path.of("/usr/lib/ipxe/qemu");
    static final Path SEABIOS = Path.of("/usr/share/seabios");

    static List<Path> files(Path dir, String glob) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " not installed (apt-get install ipxe-qemu seabios); skipping");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted().toList();
            Assumptions.assumeFalse(l.isEmpty(), "no " + glob + " in " + dir + "; skipping");
            return l;
        }
    }

    static RomAnalysis analyze(Path p) throws IOException {
        return RomAnalyzer.analyze(ByteSlice.readFile(p, 1 << 24));
    }

    @Test
    void everyIpxeRomParsesAsARomfileReadyPlainRom() throws IOException {
        for (Path p : files(IPXE, "*.rom")) {
            RomAnalysis a = analyze(p);
            assertThat(a.isOptionRom()).as(p.toString()).isTrue();
            assertThat(a.container().kind()).as(p.toString()).isEqualTo(ContainerKind.PLAIN);
            assertThat(a.verdict().romfileReady()).as(p.toString()).isTrue();
            assertThat(a.checksums()).as(p.toString()).allMatch(c -> c.valid() && c.seabiosAccepts());
            boolean efi = p.getFileName().toString().startsWith("efi-");
            assertThat(a.verdict().uefiCapable()).as(p.toString()).isEqualTo(efi);
            if (efi) {
                // Debian's iPXE EFI images are uncompressed (rom-format.md 1.12)
                RomImage e = a.pciImages().get(1);
                assertThat(e.efiHeader().orElseThrow().compressionType()).isZero();
                assertThat(e.efiPayload().orElseThrow().validX64Pe()).isTrue();
            }
        }
    }

    @Test
    void ne2kHasVendor0000AndFff3Images() throws IOException {
        Path p = IPXE.resolve("efi-ne2k_pci.rom");
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " not installed; skipping");
        RomAnalysis a = analyze(p);
        assertThat(a.pciImages()).extracting(RomImage::vendorId).containsExactly(0x0000, 0xFFF3);
        assertThat(a.pciImages()).extracting(RomImage::deviceId).containsExactly(0, 0);
        assertThat(a.verdict().uefiCapable()).isTrue();
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.IDS_DIFFER) && w.message().contains("fff3:0000"));
    }

    @Test
    void seabiosVgaRomsParseExceptTheIsaOnes() throws IOException {
        for (Path p : files(SEABIOS, "vgabios*.bin")) {
            RomAnalysis a = analyze(p);
            String name = p.getFileName().toString();
            boolean isa = ByteSlice.readFile(p, 1 << 24).u16(0x18) == 0;
            if (name.equals("vgabios-isavga.bin")) {
                assertThat(isa).as(name).isTrue();
            }
            if (isa) {
                // 55 AA with pointer 0: a legacy ROM without PCI data structure (rom-format.md 3.19)
                assertThat(a.isOptionRom()).as(name).isFalse();
                assertThat(a.notARomReason()).as(name).startsWith("legacy ROM without PCI data structure");
                continue;
            }
            assertThat(a.isOptionRom()).as(name).isTrue();
            assertThat(a.pciImages()).as(name).hasSize(1);
            assertThat(a.pciImages().get(0).classCode()).as(name).isEqualTo(0x030000);
            assertThat(a.checksums().get(0).seabiosAccepts()).as(name).isTrue();
            assertThat(a.verdict().shadowCopySuspect()).as(name).isFalse();
        }
    }

    @Test
    void stdvgaIsQemuVga() throws IOException {
        Path p = SEABIOS.resolve("vgabios-stdvga.bin");
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " not installed; skipping");
        RomAnalysis a = analyze(p);
        assertThat(a.identity().vendorId()).isEqualTo(0x1234);
        assertThat(a.identity().deviceId()).isEqualTo(0x1111);
        assertThat(a.verdict().romfileReady()).isTrue();
        assertThat(a.verdict().uefiCapable()).isFalse();
    }
}
