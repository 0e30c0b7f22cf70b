package io.github.vbios.sample;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The host shape {@code vbios demo} runs on (acpi-vm.md 4, seed 000), written as a fake sysfs/procfs
 * tree by {@link HostTreeBuilder}. IDs are those of real parts. The desktop shapes only the tests
 * use are in the test sources ({@code DesktopHosts}).
 */
public final class SampleHosts {
    /** Address of the laptop's dGPU, the one a user would pass through. */
    public static final String LAPTOP_DGPU = "0000:01:00.0";

    private SampleHosts() {
    }

    /**
     * Optimus laptop: Intel iGPU is the boot VGA; the NVIDIA TU117M dGPU is a 3D controller
     * without ROM BAR; its HDMI audio and an NVMe drive behind the second PEG port share its IOMMU
     * group (Intel PEG ports without ACS).
     */
    public static Path optimusLaptop(Path root) throws IOException {
        return optimusLaptop(root, 0x1f99);
    }

    /** The same laptop with another dGPU device ID (the demo matches it to its sample VBIOS). */
    public static Path optimusLaptop(Path root, int dgpuDevice) throws IOException {
        return HostTreeBuilder.at(root)
                .cmdline("BOOT_IMAGE=/boot/vmlinuz-6.8.0 root=UUID=0f1e ro quiet splash intel_iommu=on iommu=pt")
                .modules("vfio", "vfio_pci", "vfio_iommu_type1", "nvidia", "i915", "kvm", "kvm_intel")
                .iomem("4000000000-400fffffff : 0000:00:02.0\n  4000000000-40007e8fff : BOOTFB\n"
                        + "6000000000-6001ffffff : PCI Bus 0000:01\n  6000000000-6001ffffff : 0000:01:00.0\n")
                .function("0000:00:00.0").ids(0x8086, 0x9b54).subsystem(0x1025, 0x1418).classCode(0x060000)
                .group(0).add()
                .function("0000:00:02.0").ids(0x8086, 0x9bc4).subsystem(0x1025, 0x1418).classCode(0x030000)
                .bootVga().driver("i915").group(1).acpiPath("\\_SB_.PCI0.GFX0")
                .bar(0, 0x60_0200_0000L, 16 << 20).bar(2, 0x40_0000_0000L, 256 << 20).add()
                .function("0000:00:01.0").ids(0x8086, 0x1901).subsystem(0x1025, 0x1418).classCode(0x060400)
                .driver("pcieport").group(2).acpiPath("\\_SB_.PCI0.PEG0").add()
                .function("0000:00:01.1").ids(0x8086, 0x1905).subsystem(0x1025, 0x1418).classCode(0x060400)
                .driver("pcieport").group(2).acpiPath("\\_SB_.PCI0.PEG1").add()
                .function("0000:01:00.0").ids(0x10de, dgpuDevice).subsystem(0x1025, 0x1418).classCode(0x030200)
                .behind("0000:00:01.0").driver("nvidia").group(2).acpiPath("\\_SB_.PCI0.PEG0.PEGP")
                .bar(0, 0xa300_0000L, 16 << 20).bar(1, 0x60_0000_0000L, 256 << 20).add()
                .function("0000:01:00.1").ids(0x10de, 0x10fa).subsystem(0x1025, 0x1418).classCode(0x040300)
                .behind("0000:00:01.0").driver("snd_hda_intel").group(2).bar(0, 0xa400_0000L, 16 << 10).add()
                .function("0000:02:00.0").ids(0x144d, 0xa808).subsystem(0x144d, 0xa801).classCode(0x010802)
                .behind("0000:00:01.1").driver("nvme").group(2).bar(0, 0xa420_0000L, 16 << 10).add()
                .build();
    }
}
