package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.OutputFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end (acpi-vm.md 2): boots a Debian kernel with a busybox initramfs under QEMU q35 (TCG)
 * with a PCI device standing in for the GPU at 01:00.0 behind a root port at 00:01.0, our tables
 * (and the fw_cfg file), plus a harness table whose {@code _INI} reads {@code _ROM} back through a
 * debugcon port. Checks: the bytes equal the ROM (zero-padded), the guest's device has our ACPI
 * node, the fake battery and AC adapter appear, and the kernel logs no ACPI error.
 *
 * <p>Needs {@code .cache/guest/vmlinuz} and {@code .cache/guest/busybox} (run
 * {@code .ci/guest-kernel.sh}, or set {@code -Dvbios.guest.dir=DIR}); skips with a message otherwise.
 */
@Tag("qemu")
class AcpiGuestBootTest {
    static final AcpiPath GPU = AcpiPath.parse("\\_SB.PCI0.S08.S00");
    static final int ROM_SIZE = 70_000;
    private static final long BOOT_TIMEOUT_S = 240;
    static Path guest;

    @BeforeAll
    static void guestFiles() {
        Qemu.assumeInstalled();
        String prop = System.getProperty("vbios.guest.dir");
        Path dir = Path.of(prop != null ? prop : ".cache/guest");
        if (!Files.isRegularFile(dir.resolve("vmlinuz")) || !Files.isRegularFile(dir.resolve("busybox"))) {
            // Surefire shows no reason for a class skipped in @BeforeAll ("Tests run: 0"): print it (issue 14)
            System.out.println("AcpiGuestBootTest skipped: no guest kernel/busybox in " + dir.toAbsolutePath()
                    + " (run .ci/guest-kernel.sh)");
        }
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("vmlinuz")) && Files.isRegularFile(dir.resolve("busybox")),
                "guest kernel/busybox not found in " + dir.toAbsolutePath() + " (run .ci/guest-kernel.sh); "
                        + "skipping the qemu guest boot test");
        guest = dir;
    }

    /** What one boot left behind. */
    // the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
    @SuppressWarnings("ArrayRecordComponent")
    record Boot(String serial, byte[] debugcon, List<RomReads.Read> reads, SsdtSet set) {
        String report() {
            int b = serial.indexOf("VBIOS-GUEST-BEGIN");
            int e = serial.indexOf("VBIOS-GUEST-END");
            return b >= 0 && e > b ? serial.substring(b, e) : "";
        }
    }

    @ParameterizedTest(name = "{0} mode, {1}, ACPI hotplug {2}")
    @CsvSource({
        "embed, seabios, off",
        "embed, ovmf, on",
        "fwcfg, seabios, on",
        "fwcfg, ovmf, off",
    })
    void guestReadsTheRomBack(String mode, String firmware, String hotplug, @TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(ROM_SIZE, 42);
        Boot boot = boot(rom, SsdtMode.parse(mode), Placement.AUTO, firmware, hotplug, dir);
        List<byte[]> got = GuestHarnessSsdt.parse(boot.debugcon());
        assertThat(got).as("harness output in debugcon.log; serial:%n%s", tail(boot.serial())).isNotNull();
        assertThat(got).hasSize(boot.reads().size());
        for (int i = 0; i < boot.reads().size(); i++) {
            assertThat(got.get(i)).as("guest _ROM(%s)", boot.reads().get(i))
                    .isEqualTo(RomReads.expected(rom, boot.reads().get(i)));
        }
        String guestReport = boot.report();
        assertThat(guestReport).contains("PCI 0000:01:00.0 \\_SB_.PCI0.S08_.S00_");
        if (Files.isRegularFile(guest.resolve("battery.ko"))) {
            assertThat(guestReport).contains("PSU BAT0 Battery Li-ion 1", "PSU AC0 Mains");
        }
        assertThat(guestReport).contains("ACPIDEV \\_SB_.BAT0 31", "ACPIDEV \\_SB_.AC0_ 15");
        assertThat(guestReport).doesNotContain("ACPIERR");
        for (GeneratedTable t : boot.set().tables()) {
            assertThat(guestReport).as("table %s loaded", t.fileName())
                    .contains("TABLE " + new String(t.aml(), 16, 8, StandardCharsets.US_ASCII));
        }
    }

    /** Negative control: scope placement where QEMU made no node must show up as a guest ACPI error. */
    @Test
    void scopePlacementWithoutTheNodeIsReportedByTheGuest(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(4096, 9);
        Boot boot = boot(rom, SsdtMode.EMBED, Placement.SCOPE, "seabios", "off", dir);
        assertThat(boot.report()).contains("ACPIERR").contains("AE_NOT_FOUND");
        assertThat(GuestHarnessSsdt.parse(boot.debugcon())).isNull();
    }

    private Boot boot(byte[] rom, SsdtMode mode, Placement placement, String firmware, String hotplug, Path dir)
            throws Exception {
        Path out = dir.resolve("acpi");
        SsdtSet set = SsdtBuilder.build(rom, SsdtOptions.defaults(GPU).withMode(mode).withPlacement(placement));
        SsdtWriter.write(set, rom, OutputFolder.open(out, false));
        List<RomReads.Read> reads = RomReads.plan(rom.length).stream().filter(r -> r.length() > 0).toList();
        Path harness = dir.resolve("harness.aml");
        Files.write(harness, GuestHarnessSsdt.build(GPU, reads));
        Path initrd = dir.resolve("initrd.cpio");
        Files.write(initrd, initramfs(guest));
        List<String> cmd = new ArrayList<>(List.of(Qemu.BINARY, "-machine", "q35", "-m", "512", "-display", "none",
                "-nodefaults", "-no-reboot", "-serial", "file:" + dir.resolve("serial.log"),
                "-kernel", guest.resolve("vmlinuz").toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 loglevel=4 rdinit=/init",
                "-device", "pcie-root-port,id=rp1,bus=pcie.0,addr=0x1,chassis=1,port=0x10",
                "-device", "virtio-rng-pci,bus=rp1,addr=0x0",
                "-chardev", "file,id=vbdbg,path=" + dir.resolve("debugcon.log"),
                "-device", "isa-debugcon,iobase=0x" + Integer.toHexString(GuestHarnessSsdt.PORT) + ",chardev=vbdbg"));
        if (hotplug.equals("off")) {
            cmd.addAll(List.of("-global", "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off"));
        }
        if (firmware.equals("ovmf")) {
            Path code = Qemu.firstExisting("/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_CODE.fd");
            Path vars = code.getParent().resolve(code.getFileName().toString().replace("CODE", "VARS"));
            Path myVars = dir.resolve("vars.fd");
            Files.copy(vars, myVars);
            cmd.addAll(List.of("-drive", "if=pflash,format=raw,readonly=on,file=" + code,
                    "-drive", "if=pflash,format=raw,file=" + myVars));
        }
        cmd.addAll(set.qemuArguments(out));
        cmd.addAll(List.of("-acpitable", "file=" + harness));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        boolean done = p.waitFor(BOOT_TIMEOUT_S, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        keep(dir, mode.id() + "-" + placement.id() + "-" + firmware + "-" + hotplug, cmd);
        String serial = Files.exists(dir.resolve("serial.log")) ? Files.readString(dir.resolve("serial.log"),
                StandardCharsets.ISO_8859_1) : "";
        assertThat(done).as("guest finished within %d s; serial:%n%s%nqemu:%n%s", BOOT_TIMEOUT_S, tail(serial),
                Files.readString(dir.resolve("qemu.log"))).isTrue();
        assertThat(serial).as(tail(serial)).contains("VBIOS-GUEST-BEGIN", "VBIOS-GUEST-END");
        byte[] debugcon = Files.exists(dir.resolve("debugcon.log")) ? Files.readAllBytes(dir.resolve("debugcon.log"))
                : new byte[0];
        return new Boot(serial, debugcon, reads, set);
    }

    /** With -Dvbios.guest.keep=DIR, copies a boot's files there for a look. */
    private static void keep(Path dir, String name, List<String> cmd) throws IOException {
        String keep = System.getProperty("vbios.guest.keep");
        if (keep == null) {
            return;
        }
        Path k = Path.of(keep, name);
        Files.createDirectories(k);
        Files.writeString(k.resolve("cmdline.txt"), String.join(" ", cmd));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, k.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String tail(String s) {
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    }

    /** /init prints what the test checks between markers, then powers off. */
    static final String INIT = String.join("\n",
            "#!/bin/busybox sh",
            "/bin/busybox mkdir -p /proc /sys /dev",
            "/bin/busybox mount -t devtmpfs dev /dev 2>/dev/null",
            "/bin/busybox --install -s /bin",
            "mount -t proc proc /proc",
            "mount -t sysfs sys /sys",
            "for m in /lib/battery.ko /lib/ac.ko; do [ -e $m ] && insmod $m; done",
            "echo VBIOS-GUEST-BEGIN",
            "for a in /sys/bus/acpi/devices/*; do echo \"ACPIDEV $(cat $a/path 2>/dev/null) $(cat $a/status 2>/dev/null)\"; done",
            "for d in /sys/bus/pci/devices/*; do echo \"PCI $(basename $d) $(cat $d/firmware_node/path 2>/dev/null)\"; done",
            "for p in /sys/class/power_supply/*; do [ -e \"$p\" ] && echo \"PSU $(basename $p) $(cat $p/type)"
                    + " $(cat $p/technology 2>/dev/null) $(cat $p/present 2>/dev/null)\"; done",
            "for t in /sys/firmware/acpi/tables/SSDT*; do echo \"TABLE $(head -c 24 $t | tail -c 8)\"; done",
            "dmesg | grep -iE 'ACPI (BIOS )?(Error|Warning)|AE_[A-Z_]+|Could not resolve' | sed 's/^/ACPIERR /'",
            "echo VBIOS-GUEST-END",
            "poweroff -f",
            "");

    static byte[] initramfs(Path guestDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, CpioConstants.FORMAT_NEW)) {
            for (String d : List.of("bin", "dev", "lib", "proc", "sys")) {
                CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, d);
                e.setMode(CpioConstants.C_ISDIR | 0755);
                e.setNumberOfLinks(2);
                cpio.putArchiveEntry(e);
                cpio.closeArchiveEntry();
            }
            CpioArchiveEntry console = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, "dev/console");
            console.setMode(CpioConstants.C_ISCHR | 0600);
            console.setRemoteDeviceMaj(5);
            console.setRemoteDeviceMin(1);
            console.setNumberOfLinks(1);
            cpio.putArchiveEntry(console);
            cpio.closeArchiveEntry();
            file(cpio, "init", INIT.getBytes(StandardCharsets.US_ASCII));
            file(cpio, "bin/busybox", Files.readAllBytes(guestDir.resolve("busybox")));
            for (String m : List.of("battery.ko", "ac.ko")) {
                if (Files.isRegularFile(guestDir.resolve(m))) {
                    file(cpio, "lib/" + m, Files.readAllBytes(guestDir.resolve(m)));
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void file(CpioArchiveOutputStream cpio, String name, byte[] data) throws IOException {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        e.setMode(CpioConstants.C_ISREG | 0755);
        e.setSize(data.length);
        e.setNumberOfLinks(1);
        cpio.putArchiveEntry(e);
        cpio.write(data);
        cpio.closeArchiveEntry();
    }
}
