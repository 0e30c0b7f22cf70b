package io.github.vbios.host;

import io.github.vbios.io.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything vbios reads from a host, at one moment. Built by {@link HostReader}; never null
 * fields, and the findings list says what could not be read.
 *
 * @param root       the folder the host was read under ({@code /} for the real host)
 * @param cpuVendor  {@code GenuineIntel}, {@code AuthenticAMD} or empty when unknown
 * @param hypervisor the CPU flags say this host is itself a virtual machine
 * @param modules    loaded modules of interest ({@code vfio_pci}, {@code nvidia}, {@code acpi_call} ...)
 * @param kernel     the running kernel's release ({@code /proc/sys/kernel/osrelease}), or unknown
 */
public record HostSnapshot(String root, List<PciDevice> devices, List<IommuGroup> groups, KernelCmdline cmdline,
                           List<String> modules, List<IomemEntry> iomem, String cpuVendor, boolean hypervisor,
                           List<Finding> findings, KernelRelease kernel) {
    /** A snapshot whose kernel release is unknown. */
    public HostSnapshot(String root, List<PciDevice> devices, List<IommuGroup> groups, KernelCmdline cmdline,
                        List<String> modules, List<IomemEntry> iomem, String cpuVendor, boolean hypervisor,
                        List<Finding> findings) {
        this(root, devices, groups, cmdline, modules, iomem, cpuVendor, hypervisor, findings, KernelRelease.UNKNOWN);
    }

    public HostSnapshot {
        Objects.requireNonNull(kernel, "kernel");
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        modules = List.copyOf(modules);
        iomem = List.copyOf(iomem);
        findings = List.copyOf(findings);
    }

    /** The kernel has an active IOMMU exactly when it populated {@code /sys/kernel/iommu_groups}. */
    public boolean iommuActive() {
        return !groups.isEmpty();
    }

    public Optional<PciDevice> device(PciAddress address) {
        return devices.stream().filter(d -> d.address().equals(address)).findFirst();
    }

    public Optional<IommuGroup> group(int number) {
        return groups.stream().filter(g -> g.number() == number).findFirst();
    }

    public List<PciDevice> gpus() {
        return devices.stream().filter(PciDevice::isDisplay).toList();
    }

    /** The other functions of the same slot (HDMI audio, USB-C, UCSI), in function order. */
    public List<PciDevice> siblings(PciAddress address) {
        return devices.stream().filter(d -> d.address().sameSlot(address) && !d.address().equals(address)).toList();
    }

    public boolean moduleLoaded(String name) {
        return modules.contains(name);
    }
}
