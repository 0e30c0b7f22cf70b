package io.github.vbios.host;

import java.util.List;

/**
 * What sysfs says about one PCI function. Values that could not be read are -1 (IDs, class,
 * group) or null (texts), never a guess.
 *
 * @param upstream   the bridges between the root complex and this function, nearest to the root first
 * @param romPresent the {@code rom} attribute exists (Linux creates it only for a sized ROM BAR or a shadowed boot ROM)
 * @param romSize    size of the expansion ROM BAR from line 6 of the sysfs resource file, 0 when none
 * @param bootVga    {@code boot_vga} is 1: firmware used this GPU for the boot console
 */
public record PciDevice(PciAddress address, int vendorId, int deviceId, int subsystemVendorId,
                        int subsystemDeviceId, int classCode, int revision, boolean bootVga, String driver,
                        int iommuGroup, boolean romPresent, long romSize, String acpiPath, String powerState,
                        List<PciResource> resources, List<PciAddress> upstream) {
    public PciDevice {
        resources = List.copyOf(resources);
        upstream = List.copyOf(upstream);
    }

    /** Base class 0x03: VGA (0300), XGA (0301), 3D controller (0302), other display (0380). */
    public boolean isDisplay() {
        return classCode >= 0 && (classCode >> 16) == 0x03;
    }

    /** Class 0302: a GPU without display outputs, the muxless Optimus dGPU. */
    public boolean is3dController() {
        return classCode >= 0 && (classCode >> 8) == 0x0302;
    }

    /** Base class 0x06 (bridges): allowed in a GPU's IOMMU group. */
    public boolean isBridge() {
        return classCode >= 0 && (classCode >> 16) == 0x06;
    }

    public boolean isNvidia() {
        return vendorId == 0x10DE;
    }

    /** Subsystem IDs usable for {@code x-pci-sub-*}: readable, not 0000 and not ffff (acpi-vm.md 4 #8). */
    public boolean hasValidSubsystem() {
        return subsystemVendorId > 0 && subsystemVendorId < 0xFFFF && subsystemDeviceId > 0
                && subsystemDeviceId < 0xFFFF;
    }

    /** BARs 0-5 that are in use: the ranges a boot framebuffer may sit in. */
    public List<PciResource> memoryBars() {
        return resources.stream().filter(r -> r.index() < PciResource.ROM_INDEX && r.isUsed()).toList();
    }
}
