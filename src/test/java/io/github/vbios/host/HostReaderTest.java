package io.github.vbios.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostReaderTest {
    @TempDir
    Path root;

    @Test
    void readsTheOptimusLaptop() throws IOException {
        HostSnapshot host = new HostReader(SampleHosts.optimusLaptop(root)).snapshot();

        assertThat(host.findings()).isEmpty();
        assertThat(host.iommuActive()).isTrue();
        assertThat(host.cpuVendor()).isEqualTo("GenuineIntel");
        PciDevice dgpu = host.device(PciAddress.parse("01:00.0").orElseThrow()).orElseThrow();
        assertThat(dgpu.vendorId()).isEqualTo(0x10de);
        assertThat(dgpu.deviceId()).isEqualTo(0x1f99);
        assertThat(dgpu.subsystemVendorId()).isEqualTo(0x1025);
        assertThat(dgpu.subsystemDeviceId()).isEqualTo(0x1418);
        assertThat(dgpu.is3dController()).isTrue();
        assertThat(dgpu.driver()).isEqualTo("nvidia");
        assertThat(dgpu.iommuGroup()).isEqualTo(2);
        assertThat(dgpu.romPresent()).isFalse();
        assertThat(dgpu.romSize()).isZero();
        assertThat(dgpu.acpiPath()).isEqualTo("\\_SB_.PCI0.PEG0.PEGP");
        assertThat(dgpu.powerState()).isEqualTo("D0");
        assertThat(dgpu.upstream()).containsExactly(PciAddress.parse("0000:00:01.0").orElseThrow());
        assertThat(host.siblings(dgpu.address())).extracting(d -> d.address().toString()).containsExactly("0000:01:00.1");
        assertThat(host.group(2).orElseThrow().members()).extracting(PciAddress::toString)
                .containsExactly("0000:00:01.0", "0000:00:01.1", "0000:01:00.0", "0000:01:00.1", "0000:02:00.0");
        PciDevice igpu = host.device(PciAddress.parse("00:02.0").orElseThrow()).orElseThrow();
        assertThat(igpu.bootVga()).isTrue();
        assertThat(host.cmdline().intelIommuOn()).isTrue();
        assertThat(host.cmdline().iommuPassthrough()).isTrue();
        assertThat(host.moduleLoaded("vfio_pci")).isTrue();
        assertThat(host.iomem()).anyMatch(e -> e.isFramebuffer() && e.name().equals("BOOTFB"));
    }

    @Test
    void readsTheRomBarAndTheVfioIds() throws IOException {
        HostSnapshot host = new HostReader(DesktopHosts.amdDesktop(root)).snapshot();
        PciDevice gpu = host.device(PciAddress.parse(DesktopHosts.AMD_GPU).orElseThrow()).orElseThrow();
        assertThat(gpu.romPresent()).isTrue();
        assertThat(gpu.romSize()).isEqualTo(128 << 10);
        assertThat(gpu.driver()).isEqualTo("vfio-pci");
        assertThat(host.cmdline().vfioIds()).containsExactly("1002:67df", "1002:aaf0");
        assertThat(host.cpuVendor()).isEqualTo("AuthenticAMD");
    }

    @Test
    void aHostWithoutIommuHasNoGroups() throws IOException {
        HostSnapshot host = new HostReader(DesktopHosts.iommuOff(root)).snapshot();
        assertThat(host.iommuActive()).isFalse();
        assertThat(host.gpus()).hasSize(2);
        assertThat(host.devices()).allMatch(d -> d.iommuGroup() == -1);
    }

    @Test
    void oddFilesBecomeFindingsNotExceptions() throws IOException {
        DesktopHosts.pascalDesktop(root);
        Path dev = root.resolve("sys/bus/pci/devices/0000:01:00.0");
        Files.writeString(dev.resolve("vendor"), "banana");
        Files.writeString(dev.resolve("class"), "");
        Files.delete(dev.resolve("device"));
        Files.writeString(dev.resolve("resource"), "0x1 zz\n\0\0\0");
        Files.createDirectories(root.resolve("sys/bus/pci/devices/not-a-device"));
        Files.writeString(root.resolve("proc/iomem"), "garbage\n-:\n 12-zz : x\n");
        Files.createSymbolicLink(root.resolve("sys/bus/pci/devices/0000:05:00.0"), root.resolve("nowhere"));
        Files.createDirectories(dev.resolve("boot_vga_dir"));
        Files.delete(dev.resolve("boot_vga"));
        Files.createDirectories(dev.resolve("boot_vga"));

        HostSnapshot host = new HostReader(root).snapshot();

        PciDevice gpu = host.device(PciAddress.parse("01:00.0").orElseThrow()).orElseThrow();
        assertThat(gpu.vendorId()).isEqualTo(-1);
        assertThat(gpu.deviceId()).isEqualTo(-1);
        assertThat(gpu.classCode()).isEqualTo(-1);
        assertThat(gpu.romSize()).isZero();
        assertThat(host.iomem()).isEmpty();
        assertThat(gpu.bootVga()).isFalse();
        PciDevice broken = host.device(PciAddress.parse("05:00.0").orElseThrow()).orElseThrow();
        assertThat(broken.vendorId()).isEqualTo(-1);
        assertThat(broken.isDisplay()).isFalse();
        assertThat(host.findings())
                .anyMatch(f -> f.is(HostCode.VALUE_NOT_HEX) && f.message().contains("vendor") && f.message().contains("banana"))
                .anyMatch(f -> f.is(HostCode.NOT_A_PCI_ADDRESS) && f.message().contains("not-a-device"));
    }

    @Test
    void anEmptyFolderIsAHostWithNothing() {
        HostSnapshot host = new HostReader(root).snapshot();
        assertThat(host.devices()).isEmpty();
        assertThat(host.iommuActive()).isFalse();
        assertThat(host.cmdline().words()).isEmpty();
    }

    @Test
    void parsesAddresses() {
        assertThat(PciAddress.parse("0000:01:00.0")).contains(new PciAddress(0, 1, 0, 0));
        assertThat(PciAddress.parse("0a:1f.7")).contains(new PciAddress(0, 0x0a, 0x1f, 7));
        assertThat(PciAddress.parse("01:20.0")).isEmpty();
        assertThat(PciAddress.parse("01:00.8")).isEmpty();
        assertThat(PciAddress.parse("pci0000:00")).isEmpty();
        assertThat(new PciAddress(0, 1, 0, 0).slotText()).isEqualTo("0000:01:00");
        assertThat(new PciAddress(0, 0, 0x1c, 0).devfn()).isEqualTo(0xe0);
    }
}
