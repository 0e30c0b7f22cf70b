package io.github.vbios.guest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.testutil.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Negative control for the matrix's probe: a hand-written {@code _ROM} (compiled by iasl, not by
 * vbios) that answers every call with a 2 KiB Buffer. NVIDIA's driver refuses a Buffer shorter than
 * it asked for, and nouveau's slow path stops at the first call that is not 4 KiB; the probe must
 * report both reads as failed, so a passing matrix cell means the reads really were whole.
 */
@Tag("qemu")
class ProbeControlTest {
    private static final String SHORT_ROM = String.join("\n",
            "DefinitionBlock (\"\", \"SSDT\", 2, \"VBTEST\", \"SHORTROM\", 1)",
            "{",
            "    External (\\_SB.PCI0.SE0, DeviceObj)",
            "    Scope (\\_SB.PCI0.SE0)",
            "    {",
            "        Device (S00)",
            "        {",
            "            Name (_ADR, Zero)",
            "            Method (_ROM, 2, Serialized)",
            "            {",
            "                Return (Buffer (0x800) { 0x55, 0xAA })",
            "            }",
            "        }",
            "    }",
            "}",
            "");

    @Test
    void aShortBufferFailsBothReads(@TempDir Path dir) throws Exception {
        String why = Tools.onPath("qemu-system-x86_64") == null ? "qemu-system-x86_64 is not installed"
                : Tools.onPath("iasl") == null ? "iasl is not installed (apt install acpica-tools)"
                : GuestFiles.missing(GuestFiles.folder());
        if (why != null) {
            System.out.println("ProbeControlTest skipped: " + why);
            Assumptions.abort(why);
        }
        GuestFiles files = new GuestFiles(GuestFiles.folder());
        Files.writeString(dir.resolve("short.asl"), SHORT_ROM);
        Process iasl = new ProcessBuilder("iasl", "-p", dir.resolve("short").toString(), dir.resolve("short.asl")
                .toString()).redirectErrorStream(true).start();
        String iaslOut = new String(iasl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(iasl.waitFor()).as(iaslOut).isZero();
        Path initrd = Files.write(dir.resolve("initrd.cpio"),
                files.initramfs(GuestFiles.init(StandIn.VENDOR, StandIn.DEVICE, 64 * 1024)));
        // bridge hotplug off: QEMU 7.2 describes no device behind the root port, the table declares it
        List<String> argv = new ArrayList<>(List.of("qemu-system-x86_64", "-machine", "q35,accel=tcg",
                "-global", "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off",
                "-device", "pcie-root-port,id=rp,bus=pcie.0,addr=0x1c.0x0,chassis=1,port=0x11",
                "-device", "virtio-rng-pci,bus=rp,addr=0x0",
                "-acpitable", "file=" + dir.resolve("short.aml")));
        argv.addAll(new Stack.Guest(dir, files.kernel(), initrd, dir.resolve("serial.log"),
                "console=ttyS0 panic=-1 loglevel=4 no_timer_check rdinit=/init", false, true).common());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String serial = Files.readString(dir.resolve("serial.log"), StandardCharsets.ISO_8859_1);
        GuestReport r = GuestReport.of(serial);
        assertThat(r).as("guest finished; serial:%n%s%nqemu:%n%s", serial, Files.readString(dir.resolve("qemu.log")))
                .isNotNull();
        assertThat(r.lines("VBROM device")).as(serial).containsExactly("VBROM device 0000:01:00.0 path=\\_SB_.PCI0.SE0_.S00_");
        assertThat(r.lines("VBROM call offset=0 length=4096")).as(serial)
                .contains("VBROM call offset=0 length=4096: Buffer of 2048 bytes is too short");
        assertThat(r.lines("VBROM nvidia")).as(serial).containsExactly("VBROM nvidia failed len=0 calls=1");
        assertThat(r.lines("VBROM nouveau-fast")).as(serial).containsExactly("VBROM nouveau-fast asked=65536 got=2048");
        assertThat(r.lines("VBROM nouveau ")).as(serial).containsExactly("VBROM nouveau failed len=0 calls=2");
        assertThat(r.read("nvidia")).isEmpty();
        assertThat(r.lines("ACPIERR")).as(serial).isEmpty();
    }
}
