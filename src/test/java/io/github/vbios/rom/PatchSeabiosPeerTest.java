package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer test against the guest firmware: QEMU boots SeaBIOS with the romfile on its emulated VGA
 * device (1234:1111) and SeaBIOS's debug log (debugcon port 0x402) says whether it ran the VGA
 * option ROM. SeaBIOS needs 55 AA at offset 0, vendor and device equal to the device's, and a zero
 * sum over byte 2 * 512 bytes (rom-format.md 1.9.5, 1.10): so the unpatched dump is ignored, the
 * romfile with the card's own IDs is ignored on this emulated device, a wrong checksum is reported,
 * and the romfile re-IDed with --set-ids 1234:1111 --fix-checksum is run.
 */
class PatchSeabiosPeerTest {
    private static final String VGA_SCAN = "Scan for VGA option rom";
    private static final String RAN = "Running option rom at c000";
    private static final String VGA_DONE = "Turning on vga text mode console";

    @TempDir
    Path dir;

    /** The SeaBIOS log from its VGA ROM scan to the verdict (ran it, or went on without one). */
    String vgaScan(Path romfile) throws Exception {
        Path log = dir.resolve("seabios-" + romfile.getFileName() + ".log");
        Process p;
        try {
            p = new ProcessBuilder("qemu-system-x86_64", "-machine", "q35", "-display", "none", "-nodefaults",
                    "-device", "VGA,romfile=" + romfile.toAbsolutePath(), "-chardev", "file,id=sb,path=" + log.toAbsolutePath(),
                    "-device", "isa-debugcon,iobase=0x402,chardev=sb", "-serial", "none", "-monitor", "none")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.out").toFile()).start();
        } catch (IOException e) {
            Assumptions.abort("qemu-system-x86_64 is not installed (package qemu-system-x86); skipping");
            throw e;
        }
        try {
            // the VM runs on (a real NVIDIA VBIOS waits for hardware that is not there): stop once SeaBIOS decided
            for (int i = 0; i < 600; i++) {
                String s = section(log);
                if (s.contains(RAN) || s.contains(VGA_DONE) || !p.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            String s = section(log);
            Assumptions.assumeFalse(s.isEmpty(), "this SeaBIOS build prints no debug log on port 0x402 "
                    + "(or did not reach its VGA ROM scan within 60 s); skipping the SeaBIOS peer test");
            return s;
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    private static String section(Path log) throws IOException {
        String s = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "";
        int at = s.indexOf(VGA_SCAN);
        if (at < 0) {
            return "";
        }
        // SeaBIOS prints this once the VGA ROM step is over (whether a ROM ran or not); later "Running option
        // rom" lines belong to other ROMs (kvmvapic)
        int done = s.indexOf(VGA_DONE, at);
        return done < 0 ? s.substring(at) : s.substring(at, done + VGA_DONE.length());
    }

    private Path patched(Path dump, String name, PatchOptions options) throws Exception {
        PatchOutcome o = RomPatcher.prepare(ByteSlice.readFile(dump, 1 << 24), options);
        Path rom = dir.resolve(name);
        RomPatcher.write(o, rom, false, dump);
        return rom;
    }

    @Test
    void seabiosRunsOnlyTheCleanRomfileWithMatchingIdsAndChecksum() throws Exception {
        Path dump = Corpus.file("roms/pascal-p5000m.rom");
        Path good = patched(dump, "ids.rom", new PatchOptions(true, 0x1234, 0x1111, false));
        assertThat(vgaScan(good)).contains(RAN);

        assertThat(vgaScan(dump)).contains(VGA_DONE).doesNotContain(RAN);

        Path ownIds = patched(dump, "plain.rom", PatchOptions.cleanOnly());
        assertThat(vgaScan(ownIds)).contains(VGA_DONE).doesNotContain(RAN);

        byte[] bad = Files.readAllBytes(good);
        bad[0x100] ^= 1;
        Path badSum = Files.write(dir.resolve("badsum.rom"), bad);
        // SeaBIOS sums byte 2 * 512 bytes: 0x19A00 = 104960 on this Pascal ROM (x86 + first E0 image)
        assertThat(vgaScan(badSum)).contains("Found option rom with bad checksum").contains("len=104960")
                .doesNotContain(RAN);
    }

    @Test
    void seabiosRunsAnAmdRomfile() throws Exception {
        Path dump = Corpus.file("roms/amd-rx580.rom");
        Path good = patched(dump, "amd.rom", new PatchOptions(true, 0x1234, 0x1111, false));
        assertThat(vgaScan(good)).contains(RAN);
    }
}
