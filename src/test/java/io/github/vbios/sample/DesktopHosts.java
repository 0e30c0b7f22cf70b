package io.github.vbios.sample;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The desktop host shapes of the tests (acpi-vm.md 4, seed 004) beside {@link SampleHosts}'s laptop:
 * a shadowed boot GPU, an AMD desktop, a host without IOMMU. Fake sysfs/procfs trees written by
 * {@link HostTreeBuilder}; IDs are those of real parts.
 */
public final class DesktopHosts {
    /** Address of the GPU a user would pass through, per sample. */
    public static final String PASCAL_GPU = "0000:01:00.0";
    public static final String AMD_GPU = "0000:0a:00.0";
    public static final String NO_IOMMU_GPU = "0000:01:00.0";

    private DesktopHosts() {
    }

    /**
     * Desktop whose only GPU, a Pascal GTX 1080, is the boot VGA and bound to nvidia: its sysfs ROM is
     * the shadowed legacy copy (x86 image only, patched at POST), and BOOTFB sits in its BAR1.
     */
    public static Path pascalDesktop(Path root) throws IOException {
        return HostTreeBuilder.at(root)
                .cmdline("BOOT_IMAGE=/boot/vmlinuz-6.1.0 root=UUID=77aa ro quiet intel_iommu=on")
                .modules("vfio", "vfio_iommu_type1", "nvidia", "kvm", "kvm_intel")
                .iomem("e0000000-efffffff : 0000:01:00.0\n  e0000000-e07e8fff : BOOTFB\n")
                .function("0000:00:00.0").ids(0x8086, 0x3e30).subsystem(0x1458, 0x5000).classCode(0x060000)
                .group(0).add()
                .function("0000:00:01.0").ids(0x8086, 0x1901).subsystem(0x1458, 0x5000).classCode(0x060400)
                .driver("pcieport").group(1).acpiPath("\\_SB_.PCI0.PEG0").add()
                .function("0000:01:00.0").ids(0x10de, 0x1b80).subsystem(0x3842, 0x6183).classCode(0x030000)
                .bootVga().behind("0000:00:01.0").driver("nvidia").group(1).acpiPath("\\_SB_.PCI0.PEG0.PEGP")
                .bar(0, 0xf600_0000L, 16 << 20).bar(1, 0xe000_0000L, 256 << 20)
                .rom(0xf700_0000L, 512 << 10, SampleOptionRoms.shadowedLegacy(0x10de, 0x1b80)).add()
                .function("0000:01:00.1").ids(0x10de, 0x10f0).subsystem(0x3842, 0x6183).classCode(0x040300)
                .behind("0000:00:01.0").driver("snd_hda_intel").group(1).bar(0, 0xf708_0000L, 16 << 10).add()
                .build();
    }

    /**
     * AMD desktop: Ryzen host, an RX 580 (plus HDMI audio) bound to vfio-pci alone in its group, and a
     * small Radeon as boot VGA for the host.
     */
    public static Path amdDesktop(Path root) throws IOException {
        return HostTreeBuilder.at(root).cpuVendor("AuthenticAMD")
                .cmdline("BOOT_IMAGE=/vmlinuz-linux root=UUID=1b2c rw iommu=pt vfio-pci.ids=1002:67df,1002:aaf0")
                .modules("vfio", "vfio_pci", "vfio_iommu_type1", "amdgpu", "kvm", "kvm_amd")
                .iomem("d0000000-dfffffff : 0000:0b:00.0\n  d0000000-d02fffff : efifb\n")
                .function("0000:00:03.1").ids(0x1022, 0x1483).subsystem(0x1022, 0x1453).classCode(0x060400)
                .driver("pcieport").group(15).add()
                .function("0000:0a:00.0").ids(0x1002, 0x67df).subsystem(0x1da2, 0xe387).classCode(0x030000)
                .behind("0000:00:03.1").driver("vfio-pci").group(15).acpiPath("\\_SB_.PCI0.GPP8.X161")
                .bar(0, 0xc000_0000L, 256 << 20).bar(2, 0xd000_0000L, 2 << 20)
                .rom(0xfce0_0000L, 128 << 10, SampleOptionRoms.withEfi(0x1002, 0x67df)).add()
                .function("0000:0a:00.1").ids(0x1002, 0xaaf0).subsystem(0x1da2, 0xaaf0).classCode(0x040300)
                .behind("0000:00:03.1").driver("vfio-pci").group(15).bar(0, 0xfce6_0000L, 16 << 10).add()
                .function("0000:00:03.2").ids(0x1022, 0x1483).subsystem(0x1022, 0x1453).classCode(0x060400)
                .driver("pcieport").group(16).add()
                .function("0000:0b:00.0").ids(0x1002, 0x6611).subsystem(0x1028, 0x210b).classCode(0x030000)
                .bootVga().behind("0000:00:03.2").driver("amdgpu").group(16)
                .bar(0, 0xd000_0000L, 256 << 20).add()
                .build();
    }

    /** Intel desktop booted without {@code intel_iommu=on}: no IOMMU groups at all. */
    public static Path iommuOff(Path root) throws IOException {
        return HostTreeBuilder.at(root).iommu(false)
                .cmdline("BOOT_IMAGE=/boot/vmlinuz-6.1.0 root=UUID=9c9c ro quiet")
                .modules("nvidia", "i915", "kvm", "kvm_intel")
                .function("0000:00:02.0").ids(0x8086, 0x3e92).subsystem(0x1458, 0xd000).classCode(0x030000)
                .bootVga().driver("i915").add()
                .function("0000:00:01.0").ids(0x8086, 0x1901).subsystem(0x1458, 0x5000).classCode(0x060400)
                .driver("pcieport").add()
                .function("0000:01:00.0").ids(0x10de, 0x1c03).subsystem(0x1462, 0x3283).classCode(0x030000)
                .behind("0000:00:01.0").driver("nvidia").bar(0, 0xf600_0000L, 16 << 20)
                .rom(0xf700_0000L, 512 << 10, SampleOptionRoms.withEfi(0x10de, 0x1c03)).add()
                .function("0000:01:00.1").ids(0x10de, 0x10f1).subsystem(0x1462, 0x3283).classCode(0x040300)
                .behind("0000:00:01.0").driver("snd_hda_intel").add()
                .build();
    }
}
