package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.NvidiaSample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (issue 12 point 9), on a small tmpfs this test mounts (skipped with a message where
 * mounting is refused): each command first succeeds, then the disk is filled up to a few KiB and
 * the same command runs again with {@code --force}. It must fail with exit 7 naming a file and
 * the system's reason, and leave the previous output byte for byte (no half set, no .part);
 * {@code patch} must not print its success summary. On a fresh target nothing may appear.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    Path disk;
    Path in;
    boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("dump.rom"), DemoSamples.flashDump());
        Files.write(in.resolve("gpu.rom"), DemoSamples.romfile());
        Files.write(in.resolve("laptop.fd"), DemoSamples.laptopFirmware());
        mounted = HostileRun.isRoot()
                && HostileRun.sh("mount", "-t", "tmpfs", "-o", "size=2m", "vbios-full-disk", disk.toString()) == 0;
        if (!mounted) {
            System.out.println("FullDiskTest skipped: cannot mount a tmpfs here (needs root and mount rights)");
        }
        Assumptions.assumeTrue(mounted, "mounting a tmpfs is refused here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            HostileRun.sh("umount", "-l", disk.toString());
        }
    }

    /** Fills the disk, then frees {@code leave} bytes again. */
    private void fill(long leave) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] chunk = new byte[4096];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full now
        }
        Path room = disk.resolve("room");
        Files.write(room, new byte[0]);
        long size = Files.size(filler);
        try (var ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, size - leave));
        }
    }

    private void failsAndKeepsThePreviousState(String... args) throws Exception {
        HostileRun.Result first = HostileRun.run(60, args);
        assertThat(first.code()).as(first.all()).isZero();
        fill(12 * 1024);
        Map<String, String> before = HostileRun.snapshot(disk);
        String[] again = Stream.concat(Arrays.stream(args), Stream.of(
                "--force")).toArray(String[]::new);
        HostileRun.Result r = HostileRun.run(60, again);
        r.assertClean();
        assertThat(r.code()).as(r.all()).isEqualTo(7);
        assertThat(r.err()).contains("cannot write " + disk).contains("No space left on device");
        assertThat(HostileRun.snapshot(disk)).as("the previous output, untouched").isEqualTo(before);
        assertThat(HostileRun.parts(disk)).isEmpty();
    }

    @Test
    void extract() throws Exception {
        failsAndKeepsThePreviousState("extract", in.resolve("laptop.fd").toString(), "-o", disk.resolve("x").toString());
    }

    @Test
    void ssdt() throws Exception {
        failsAndKeepsThePreviousState("ssdt", "--rom", in.resolve("gpu.rom").toString(), "-o",
                disk.resolve("s").toString());
    }

    @Test
    void optimus() throws Exception {
        failsAndKeepsThePreviousState("optimus", in.resolve("laptop.fd").toString(), "--ids",
                String.format("10de:%04x", NvidiaSample.DEVICE), "-o", disk.resolve("o").toString());
    }

    @Test
    void patchPrintsNoSummaryBeforeItsWriteFailed() throws Exception {
        Path out = disk.resolve("gpu.rom");
        fill(4 * 1024);
        HostileRun.Result r = HostileRun.run(60, "patch", in.resolve("dump.rom").toString(), "-o", out.toString());
        r.assertClean();
        assertThat(r.code()).isEqualTo(7);
        assertThat(r.err()).contains("cannot write " + out + ": No space left on device");
        assertThat(r.out()).doesNotContain("wrote").doesNotContain("romfile:").doesNotContain("cut before");
        assertThat(out).doesNotExist();
        assertThat(HostileRun.parts(disk)).isEmpty();
    }

    @Test
    void aFreshTargetDoesNotAppear() throws Exception {
        fill(4 * 1024);
        Path out = disk.resolve("new/deeper");
        HostileRun.Result r = HostileRun.run(60, "extract", in.resolve("laptop.fd").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.all()).isEqualTo(7);
        assertThat(disk.resolve("new")).doesNotExist();
        assertThat(HostileRun.parts(disk)).isEmpty();
    }
}
