package io.github.vbios.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.testutil.LibvirtTools;
import io.github.vbios.testutil.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux guest check runs in real shells over a sysfs-shaped tree where the GPU is 03:00.0 and
 * 01:00.0 is another device (as under libvirt), with the path in Linux's padded form.
 */
class GuestCheckTest {
    @TempDir
    Path tmp;

    private Path device(String bdf, String vendor, String device, String padded) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("devices").resolve(bdf));
        Files.writeString(d.resolve("vendor"), vendor + "\n");
        Files.writeString(d.resolve("device"), device + "\n");
        if (padded != null) {
            Files.writeString(Files.createDirectories(d.resolve("firmware_node")).resolve("path"), padded + "\n");
        }
        return d;
    }

    private List<String> shells() {
        List<String> s = new ArrayList<>();
        for (String sh : List.of("bash", "dash")) {
            if (Tools.onPath(sh) != null) {
                s.add(sh);
            }
        }
        if (Tools.onPath("busybox") != null) {
            s.add("busybox sh");
        }
        return s;
    }

    private String run(String shell, GuestCheck check) throws Exception {
        String line = check.linux().replace(GuestCheck.SYSFS_DEVICES, tmp.resolve("devices").toString());
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.addAll(List.of("-c", line));
        LibvirtTools.Result r = LibvirtTools.run(cmd, null);
        assertThat(r.exit()).as(shell + ": " + r.output()).isZero();
        return r.output();
    }

    @Test
    void findsTheGpuByIdsAndComparesTheUnpaddedPath() throws Exception {
        device("0000:01:00.0", "0x1af4", "0x1041", "\\_SB_.PCI0.S10_.S00_");
        device("0000:03:00.0", "0x10de", "0x1f99", "\\_SB_.PCI0.SE0_.S00_");
        device("0000:03:00.1", "0x10de", "0x10fa", "\\_SB_.PCI0.SE0_.S01_");
        device("0000:00:1c.0", "0x1b36", "0x000c", "\\_SB_.PCI0.SE0_");
        assertThat(shells()).isNotEmpty();
        for (String sh : shells()) {
            assertThat(run(sh, new GuestCheck(0x10de, 0x1f99, "\\_SB.PCI0.SE0.S00")))
                    .as(sh).isEqualTo("0000:03:00.0 \\_SB.PCI0.SE0.S00 OK\n");
            assertThat(run(sh, new GuestCheck(0x10de, 0x1f99, "\\_SB.PCI0.S08.S00")))
                    .as(sh).isEqualTo("0000:03:00.0 \\_SB.PCI0.SE0.S00 MISMATCH, want \\_SB.PCI0.S08.S00\n");
        }
    }

    @Test
    void aGpuWithoutAcpiNodeIsAMismatch() throws Exception {
        device("0000:07:00.0", "0x10de", "0x1f99", null);
        for (String sh : shells()) {
            assertThat(run(sh, new GuestCheck(0x10de, 0x1f99, "\\_SB.PCI0.SE0.S00")))
                    .as(sh).isEqualTo("0000:07:00.0 no-ACPI-node MISMATCH, want \\_SB.PCI0.SE0.S00\n");
        }
    }

    @Test
    void windowsCheckNamesTheProperty() {
        GuestCheck c = new GuestCheck(0x10de, 0x1f99, "\\_SB.PCI0.SE0.S00");
        assertThat(c.windows()).contains("Device Manager").contains("Details").contains("\"BIOS device name\"")
                .contains("10de:1f99").endsWith("\\_SB.PCI0.SE0.S00");
        assertThat(new GuestCheck(-1, -1, "\\_SB.PCI0.SE0.S00").linux()).contains("0xVVVV:0xDDDD");
    }
}
