package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.SampleHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an output may never replace (issue 12 points 1, 5, 12; issue 16 point 1): an input,
 * whatever the path that names it (symlinked folder, hard link, a name an output also has) and
 * even with {@code --force}; anything that is not a regular file. And the small promises: a
 * file where a folder is needed is named as such, a 250-byte name works, a non-UTF-8 domain
 * names its file and encoding, a folder given as a file is called a folder, a failed run leaves
 * no empty output folder, outputs get the mode the umask gives.
 */
class OutputSafetyTest {
    private static final String ROM_NAME = "vbios_10de_1fb9.rom";

    @TempDir
    Path dir;

    private void refusedAndUnchanged(Path input, String... args) throws Exception {
        Map<String, String> before = HostileRun.snapshot(dir);
        HostileRun.Result r = HostileRun.run(60, args);
        r.assertClean();
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("never writes over its input");
        assertThat(HostileRun.snapshot(dir)).as("nothing changed, " + input + " included").isEqualTo(before);
        assertThat(HostileRun.parts(dir)).isEmpty();
    }

    @Test
    void extractThroughASymlinkedFolderNeverReplacesItsInput() throws Exception {
        Path e1 = Files.createDirectories(dir.resolve("e1"));
        Path in = Files.write(e1.resolve(ROM_NAME), DemoSamples.flashDump());
        Files.createSymbolicLink(dir.resolve("e1link"), e1);
        refusedAndUnchanged(in, "extract", dir.resolve("e1link").resolve(ROM_NAME).toString(), "-o", e1.toString(),
                "--force");
        refusedAndUnchanged(in, "extract", in.toString(), "-o", dir.resolve("e1link").toString(), "--force");
    }

    @Test
    void extractNeverTurnsAnInputNamedReportJsonIntoTheReport() throws Exception {
        Path e2 = Files.createDirectories(dir.resolve("e2"));
        Path in = Files.write(e2.resolve("report.json"), DemoSamples.flashDump());
        refusedAndUnchanged(in, "extract", in.toString(), "-o", e2.toString(), "--force");
    }

    @Test
    void ssdtNeverTurnsItsRomIntoAml() throws Exception {
        Path s2 = Files.createDirectories(dir.resolve("s2"));
        Path in = Files.write(s2.resolve("vbios-rom.aml"), DemoSamples.romfile());
        refusedAndUnchanged(in, "ssdt", "--rom", in.toString(), "-o", s2.toString(), "--force");
    }

    @Test
    void optimusNeverReplacesAnInputInsideItsFolder() throws Exception {
        for (String name : new String[] {"NEXT-STEPS.md", "ssdt/vbios-rom.aml", ROM_NAME}) {
            Path o = dir.resolve("o-" + name.hashCode());
            Path in = o.resolve(name);
            Files.createDirectories(in.getParent());
            Files.write(in, DemoSamples.romfile());
            refusedAndUnchanged(in, "optimus", in.toString(), "-o", o.toString(), "--force");
        }
    }

    @Test
    void patchAndVmRefuseAHardLinkOrTheRomfileAsOutput() throws Exception {
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        Path link = Files.createLink(dir.resolve("hard.rom"), in);
        refusedAndUnchanged(in, "patch", in.toString(), "-o", link.toString(), "--force");
        refusedAndUnchanged(in, "patch", in.toString(), "-o", dir.resolve(".").resolve("dump.rom").toString(), "--force");
        Path rom = Files.write(dir.resolve("gpu.rom"), DemoSamples.romfile());
        Path host = SampleHosts.optimusLaptop(dir.resolve("host"));
        refusedAndUnchanged(rom, "vm", "qemu", "--host-root", host.toString(), "--device", SampleHosts.LAPTOP_DGPU,
                "--romfile", rom.toString(), "-o", rom.toString(), "--force");
    }

    @Test
    void neverRenamesOverAFifoASymlinkOrADeviceNode() throws Exception {
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        Path fifo = dir.resolve("fifo.rom");
        assertThat(HostileRun.sh("mkfifo", fifo.toString())).isZero();
        Path target = Files.write(dir.resolve("real.rom"), new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(dir.resolve("link.rom"), target);
        Map<String, String> before = HostileRun.snapshot(dir);
        for (Path out : new Path[] {fifo, link}) {
            HostileRun.Result r = HostileRun.run(60, "patch", in.toString(), "-o", out.toString(), "--force");
            r.assertClean();
            assertThat(r.code()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).containsAnyOf("FIFO", "symbolic link");
        }
        assertThat(HostileRun.snapshot(dir)).isEqualTo(before);
        if (HostileRun.isRoot() && HostileRun.sh("mknod", dir.resolve("null").toString(), "c", "1", "3") == 0) {
            HostileRun.Result r = HostileRun.run(60, "patch", in.toString(), "-o", dir.resolve("null").toString(),
                    "--force");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("character device");
            assertThat(HostileRun.snapshot(dir)).containsEntry("null", "special");
        }
    }

    @Test
    void aFileWhereAFolderIsNeededIsNamed() throws Exception {
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        Files.write(dir.resolve("afile"), new byte[] {1});
        HostileRun.Result r = HostileRun.run(60, "patch", in.toString(), "-o", dir.resolve("afile/x.rom").toString(),
                "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("afile is a regular file, not a folder").doesNotContain("already exists");
    }

    @Test
    void a250ByteOutputNameWorks() throws Exception {
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        Path out = dir.resolve("r".repeat(246) + ".rom");
        HostileRun.Result r = HostileRun.run(60, "patch", in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(ByteSlice.of(Files.readAllBytes(out)).sha256()).isEqualTo(ByteSlice.of(DemoSamples.romfile()).sha256());
        Path folder = dir.resolve("d".repeat(250));
        assertThat(HostileRun.run(60, "ssdt", "--rom", out.toString(), "-o", folder.toString()).code()).isZero();
        assertThat(folder.resolve("vbios-ssdt.json")).exists();
    }

    @Test
    void aNonUtf8DomainNamesTheFileAndTheEncoding() throws Exception {
        Path host = SampleHosts.optimusLaptop(dir.resolve("host"));
        Path xml = Files.write(dir.resolve("win11.xml"), new byte[] {'<', 'd', 'o', 'm', 'a', 'i', 'n', '>',
            (byte) 0xE9, 't', 'e', '<', '/', 'd', 'o', 'm', 'a', 'i', 'n', '>'});
        HostileRun.Result r = HostileRun.run(60, "vm", "libvirt", "--host-root", host.toString(), "--device",
                SampleHosts.LAPTOP_DGPU, "--domain", xml.toString());
        r.assertClean();
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("win11.xml is not valid UTF-8").contains("0x8");
    }

    @Test
    void aFolderIsCalledAFolderAndAFailedRunLeavesNoFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("roms"));
        HostileRun.Result r = HostileRun.run(60, "optimus", folder.toString(), "-o", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("roms is a folder");
        assertThat(dir.resolve("o")).doesNotExist();
        Path notRom = Files.write(dir.resolve("notes.txt"), "hello".getBytes(StandardCharsets.US_ASCII));
        for (String[] args : new String[][] {
            {"ssdt", "--rom", notRom.toString(), "-o", dir.resolve("s/deeper").toString()},
            {"ssdt", "--rom", dir.resolve("missing.rom").toString(), "-o", dir.resolve("s/deeper").toString()},
            {"extract", dir.resolve("missing.bin").toString(), "-o", dir.resolve("s/deeper").toString()},
            {"patch", notRom.toString(), "-o", dir.resolve("x.rom").toString()}}) {
            assertThat(HostileRun.run(60, args).code()).isEqualTo(3);
            assertThat(dir.resolve("s")).as(String.join(" ", args)).doesNotExist();
        }
        assertThat(dir.resolve("x.rom")).doesNotExist();
    }

    /** A single-file output in a folder that does not exist: refused, and the folder is not made (issue 13.4). */
    @Test
    void aMissingFolderForOneFileIsRefusedNotCreated() throws Exception {
        Path rom = Files.write(dir.resolve("in.rom"), new byte[] {0x55, (byte) 0xAA, 1, 0});
        for (String[] args : new String[][] {
            {"patch", rom.toString(), "-o", dir.resolve("s/deeper/x.rom").toString()},
            {"vm", "qemu", "--host-root", SampleHosts.optimusLaptop(dir.resolve("host")).toString(), "--device", SampleHosts.LAPTOP_DGPU,
                "-o", dir.resolve("s/start-vm.sh").toString()}}) {
            HostileRun.Result r = HostileRun.run(60, args);
            r.assertClean();
            assertThat(r.code()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains(" does not exist; create it first").contains("mkdir -p");
            assertThat(dir.resolve("s")).as(String.join(" ", args)).doesNotExist();
        }
    }

    @Test
    void optimusConfigsPointAtTheFinalFolderNotTheStagingOne() throws Exception {
        Path in = Files.write(dir.resolve("gpu.rom"), DemoSamples.romfile());
        Path host = SampleHosts.optimusLaptop(dir.resolve("host"));
        for (String[] extra : new String[][] {{"--host-root", host.toString()}, {"--host-root", dir.resolve("none").toString()}}) {
            Path o = dir.resolve("o-" + Path.of(extra[1]).getFileName());
            HostileRun.Result r = HostileRun.run(60, "optimus", in.toString(), "-o", o.toString(), extra[0], extra[1]);
            assertThat(r.code()).as(r.all()).isZero();
            assertThat(r.all()).doesNotContain(".part");
            for (String f : new String[] {"qemu-args.txt", "libvirt-snippet.xml", "proxmox.conf", "NEXT-STEPS.md"}) {
                String text = Files.readString(o.resolve(f));
                assertThat(text).as(f).doesNotContain(".part").contains(o.resolve("ssdt/vbios-rom.aml").toString());
            }
            assertThat(Files.readString(o.resolve("qemu-args.txt"))).contains("romfile=" + o.resolve(ROM_NAME));
        }
    }

    @Test
    void outputsGetTheModeTheUmaskGives() throws Exception {
        Path probe = dir.resolve("probe");
        Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        String umaskMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        assertThat(HostileRun.run(60, "patch", in.toString(), "-o", dir.resolve("gpu.rom").toString()).code()).isZero();
        assertThat(HostileRun.run(60, "extract", in.toString(), "-o", dir.resolve("x").toString()).code()).isZero();
        for (Path p : new Path[] {dir.resolve("gpu.rom"), dir.resolve("x/report.json"), dir.resolve("x/" + ROM_NAME)}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)))
                    .as(p.toString()).isEqualTo(umaskMode);
        }
    }
}
