package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.VbiosException;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    @TempDir
    Path root;

    private static DoctorReport doctor(Path root) {
        return Doctor.examine(new HostReader(root).snapshot(), Optional.empty());
    }

    private static Map<String, CheckStatus> statuses(DoctorReport r, String device) {
        return r.checks().stream().filter(c -> c.device() == null || c.device().equals(device))
                .collect(Collectors.toMap(Check::id, Check::status));
    }

    @Test
    void optimusLaptop() throws IOException {
        DoctorReport r = doctor(SampleHosts.optimusLaptop(root));

        assertThat(r.devices()).extracting(d -> d.device().address() + " " + d.role().label())
                .containsExactly("0000:00:02.0 host-display", "0000:01:00.0 passthrough", "0000:01:00.1 companion");
        assertThat(statuses(r, SampleHosts.LAPTOP_DGPU)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iommu-enabled", CheckStatus.OK,
                "vfio-modules", CheckStatus.OK,
                "iommu-group-isolated", CheckStatus.FAIL,
                "driver-bound", CheckStatus.WARN,
                "boot-vga", CheckStatus.OK,
                "optimus-muxless", CheckStatus.WARN,
                "rom-readable", CheckStatus.WARN,
                "framebuffer-conflict", CheckStatus.OK,
                "subsystem-ids", CheckStatus.OK));
        Check group = r.check("iommu-group-isolated").orElseThrow();
        assertThat(group.message()).contains("0000:02:00.0").contains("144d:a808")
                .doesNotContain("0000:01:00.1").doesNotContain("0000:00:01.0");
        assertThat(r.check("optimus-muxless").orElseThrow().fix()).startsWith("vbios optimus");
        assertThat(r.check("driver-bound").orElseThrow().fix()).contains("vfio-pci.ids=10de:1f99,10de:10fa");
        assertThat(r.capable()).isFalse();
    }

    @Test
    void pascalBootGpuOnNvidia() throws IOException {
        DoctorReport r = doctor(DesktopHosts.pascalDesktop(root));

        assertThat(r.devices()).extracting(d -> d.device().address() + " " + d.role().label())
                .containsExactly("0000:01:00.0 passthrough", "0000:01:00.1 companion");
        assertThat(statuses(r, DesktopHosts.PASCAL_GPU)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iommu-enabled", CheckStatus.OK,
                "vfio-modules", CheckStatus.WARN,
                "iommu-group-isolated", CheckStatus.OK,
                "driver-bound", CheckStatus.WARN,
                "boot-vga", CheckStatus.WARN,
                "optimus-muxless", CheckStatus.OK,
                "rom-readable", CheckStatus.WARN,
                "framebuffer-conflict", CheckStatus.WARN,
                "subsystem-ids", CheckStatus.OK));
        assertThat(r.check("framebuffer-conflict").orElseThrow().message()).contains("BOOTFB in BAR1");
        // BOOT_IMAGE=/boot/vmlinuz-6.1.0 and no osrelease: Linux 6.1, the sysfb path
        assertThat(r.check("framebuffer-conflict").orElseThrow().fix()).contains("initcall_blacklist=sysfb_init")
                .doesNotContain("efifb");
        assertThat(r.check("rom-readable").orElseThrow().message()).contains("shadowed");
        assertThat(r.capable()).isTrue();
    }

    @Test
    void amdDesktopIsReady() throws IOException {
        DoctorReport r = doctor(DesktopHosts.amdDesktop(root));

        assertThat(r.checks()).allMatch(c -> c.status() == CheckStatus.OK, "all ok");
        assertThat(r.devices()).extracting(d -> d.device().address() + " " + d.role().label())
                .containsExactly("0000:0a:00.0 passthrough", "0000:0a:00.1 companion", "0000:0b:00.0 host-display");
        assertThat(r.capable()).isTrue();
    }

    @Test
    void iommuOffFails() throws IOException {
        DoctorReport r = doctor(DesktopHosts.iommuOff(root));

        Check iommu = r.check("iommu-enabled").orElseThrow();
        assertThat(iommu.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(iommu.message()).contains("does not ask for it");
        assertThat(iommu.fix()).contains("intel_iommu=on").contains("update-grub");
        assertThat(r.check("iommu-group-isolated", DesktopHosts.NO_IOMMU_GPU).orElseThrow().status())
                .isEqualTo(CheckStatus.WARN);
        assertThat(r.capable()).isFalse();
    }

    @Test
    void aNamedDeviceIsCheckedEvenWhenItIsTheBootVga() throws IOException {
        SampleHosts.optimusLaptop(root);
        DoctorReport r = Doctor.examine(new HostReader(root).snapshot(), PciAddress.parse("00:02.0"));
        assertThat(r.check("boot-vga", "0000:00:02.0").orElseThrow().status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.check("iommu-group-isolated", "0000:00:02.0").orElseThrow().status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void anUnknownDeviceIsNotFound() throws IOException {
        DesktopHosts.amdDesktop(root);
        assertThatThrownBy(() -> Doctor.examine(new HostReader(root).snapshot(), PciAddress.parse("05:00.0")))
                .isInstanceOf(VbiosException.class)
                .satisfies(e -> assertThat(((VbiosException) e).kind()).isEqualTo(VbiosException.Kind.NOT_FOUND));
    }

    @Test
    void subsystemZeroAndSimpledrmAreReported() throws IOException {
        DesktopHosts.pascalDesktop(root);
        Path dev = root.resolve("sys/bus/pci/devices/0000:01:00.0");
        Files.writeString(dev.resolve("subsystem_device"), "0x0000\n");
        Files.writeString(dev.resolve("power_state"), "D3cold\n");
        Files.writeString(root.resolve("proc/iomem"), "e0000000-efffffff : 0000:01:00.0\n  e0000000-e07e8fff : simpledrm\n");

        DoctorReport r = doctor(root);

        Check ids = r.check("subsystem-ids").orElseThrow();
        assertThat(ids.status()).isEqualTo(CheckStatus.WARN);
        assertThat(ids.message()).contains("3842:0000").contains("D3cold");
        assertThat(ids.fix()).contains("--subsystem");
        assertThat(r.check("framebuffer-conflict").orElseThrow().fix()).contains("initcall_blacklist=sysfb_init");
    }

    @Test
    void emptyHostSaysSo() {
        DoctorReport r = doctor(root);
        assertThat(r.check("gpu-found").orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.check("iommu-enabled").orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.devices()).isEmpty();
    }

    /** The pascal desktop with another command line and, when not null, /proc/sys/kernel/osrelease. */
    private DoctorReport bootGpu(String cmdline, String osrelease) throws IOException {
        DesktopHosts.pascalDesktop(root);
        Files.writeString(root.resolve("proc/cmdline"), cmdline + "\n");
        if (osrelease != null) {
            Files.createDirectories(root.resolve("proc/sys/kernel"));
            Files.writeString(root.resolve("proc/sys/kernel/osrelease"), osrelease + "\n");
        }
        return doctor(root);
    }

    private static long fixesMentioning(DoctorReport r, String text) {
        return r.checks().stream().filter(c -> c.fix() != null && c.fix().contains(text)).count();
    }

    @Test
    void theBootGpuRomIsAWarningWithTheWayOut() throws IOException {
        Check rom = bootGpu("BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro", "6.8.12-4-pve").check("rom-readable").orElseThrow();
        assertThat(rom.status()).isEqualTo(CheckStatus.WARN);
        assertThat(rom.message()).contains("shadowed copy changed at boot").contains("EFI image");
        assertThat(rom.fix()).contains("TechPowerUp").contains("10de:1b80 subsystem 3842:6183").contains("secondary GPU")
                .contains("vbios extract");
        assertThat(rom.fix().indexOf("TechPowerUp")).isLessThan(rom.fix().indexOf("secondary GPU"));
    }

    @Test
    void modernKernelGetsSysfbOnceWithWhereToPutIt() throws IOException {
        DoctorReport r = bootGpu("BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro intel_iommu=on", "6.8.12-4-pve");
        Check fb = r.check("framebuffer-conflict").orElseThrow();
        assertThat(fb.fix()).startsWith("add 'initcall_blacklist=sysfb_init'").contains("6.8.12-4-pve")
                .contains("/etc/default/grub").contains("update-grub").contains("/etc/kernel/cmdline")
                .contains("proxmox-boot-tool refresh").doesNotContain("efifb:off");
        assertThat(fixesMentioning(r, "sysfb_init")).isEqualTo(1);
        assertThat(fixesMentioning(r, "efifb:off")).isZero();
    }

    @Test
    void efifbOffAlreadySetOnAModernKernelIsRecognisedNotAdvisedAgain() throws IOException {
        DoctorReport r = bootGpu("BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro video=efifb:off", "5.15.0-91-generic");
        Check fb = r.check("framebuffer-conflict").orElseThrow();
        assertThat(fb.message()).contains("video=efifb:off is set").contains("no longer frees it");
        assertThat(fb.fix()).startsWith("replace it with 'initcall_blacklist=sysfb_init'");
        assertThat(fixesMentioning(r, "add 'video=efifb:off'")).isZero();
        assertThat(r.check("boot-vga").orElseThrow().fix()).doesNotContain("efifb");
    }

    @Test
    void sysfbAlreadySetIsRecognised() throws IOException {
        DoctorReport r = bootGpu("BOOT_IMAGE=/boot/vmlinuz ro initcall_blacklist=sysfb_init", "6.1.0-13-amd64");
        Check fb = r.check("framebuffer-conflict").orElseThrow();
        assertThat(fb.message()).contains("already on the Linux 6.1.0-13-amd64 command line");
        assertThat(fb.fix()).doesNotContain("add '").contains("dmesg");
    }

    @Test
    void olderKernelsGetEfifbOff() throws IOException {
        DoctorReport r = bootGpu("BOOT_IMAGE=/boot/vmlinuz ro", "5.10.0-28-amd64");
        assertThat(r.check("framebuffer-conflict").orElseThrow().fix())
                .startsWith("add 'video=efifb:off video=vesafb:off'").doesNotContain("sysfb_init");
        DoctorReport stale = bootGpu("BOOT_IMAGE=/boot/vmlinuz ro initcall_blacklist=sysfb_init", "5.4.0-150-generic");
        assertThat(stale.check("framebuffer-conflict").orElseThrow().message()).contains("before Linux 5.15");
    }

    @Test
    void anUnknownKernelGetsBothWithTheirVersions() throws IOException {
        Check fb = bootGpu("root=/dev/sda1 ro", null).check("framebuffer-conflict").orElseThrow();
        assertThat(fb.message()).contains("kernel version is unknown");
        assertThat(fb.fix()).contains("on Linux 5.15 or later add 'initcall_blacklist=sysfb_init'")
                .contains("on older kernels 'video=efifb:off video=vesafb:off'");
    }
}
