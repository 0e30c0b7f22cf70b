package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.VbiosException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vbios doctor}: decides which GPUs are passthrough candidates and runs the host-wide and
 * per-GPU checks (acpi-vm.md 4). Pure function of a {@link HostSnapshot}.
 */
public final class Doctor {
    private Doctor() {
    }

    /**
     * Checks the host for passing {@code focus} through, or every candidate GPU when it is empty:
     * the GPUs that are not the boot VGA, or all GPUs when every one is (a single-GPU desktop).
     */
    public static DoctorReport examine(HostSnapshot host, Optional<PciAddress> focus) {
        HostIndex index = new HostIndex(host);
        List<PciDevice> candidates = candidates(index, focus);
        List<Check> checks = new ArrayList<>();
        checks.add(iommuEnabled(host));
        checks.add(vfioModules(host));
        if (candidates.isEmpty()) {
            checks.add(Check.fail("gpu-found", null, noGpuMessage(host),
                    "run vbios doctor on the machine that holds the GPU, or vbios demo to see a sample host"));
        }
        for (PciDevice gpu : candidates) {
            checks.addAll(new GpuChecks(index, gpu).all());
        }
        return new DoctorReport(devices(index, candidates), checks, host.findings());
    }

    private static List<PciDevice> candidates(HostIndex index, Optional<PciAddress> focus) {
        HostSnapshot host = index.host();
        if (focus.isPresent()) {
            PciDevice d = index.device(focus.get()).orElseThrow(() -> new VbiosException(
                    VbiosException.Kind.NOT_FOUND, "no PCI device " + focus.get() + " under "
                    + Path.of(host.root()).resolve("sys/bus/pci/devices")
                    + " (lspci -D lists the addresses)"));
            return List.of(d);
        }
        List<PciDevice> secondary = index.gpus().stream().filter(g -> !g.bootVga()).toList();
        return secondary.isEmpty() ? index.gpus() : secondary;
    }

    private static List<DoctorDevice> devices(HostIndex index, List<PciDevice> candidates) {
        List<DoctorDevice> out = new ArrayList<>();
        Set<PciAddress> chosen = new HashSet<>();
        candidates.forEach(c -> chosen.add(c.address()));
        for (PciDevice g : index.gpus()) {
            if (!chosen.contains(g.address())) {
                out.add(new DoctorDevice(g, DeviceRole.HOST_DISPLAY));
            }
        }
        for (PciDevice c : candidates) {
            out.add(new DoctorDevice(c, DeviceRole.PASSTHROUGH));
            index.siblings(c.address()).forEach(s -> out.add(new DoctorDevice(s, DeviceRole.COMPANION)));
        }
        out.sort((a, b) -> a.device().address().compareTo(b.device().address()));
        return out;
    }

    private static String noGpuMessage(HostSnapshot host) {
        String vm = host.hypervisor() ? " This host is itself a virtual machine." : "";
        return "no display controller (PCI class 03xxxx) found among " + host.devices().size()
                + " PCI functions." + vm;
    }

    static Check iommuEnabled(HostSnapshot host) {
        if (host.iommuActive()) {
            return Check.ok("iommu-enabled", null, "IOMMU active: " + host.groups().size() + " IOMMU groups");
        }
        boolean amd = host.cpuVendor().contains("AMD");
        String param = amd ? "amd_iommu=on iommu=pt" : "intel_iommu=on iommu=pt";
        String firmware = amd ? "SVM and IOMMU (AMD-Vi)" : "VT-d";
        StringBuilder why = new StringBuilder("no IOMMU groups under /sys/kernel/iommu_groups: the kernel has no active IOMMU, "
                + "so VFIO cannot pass any device through.");
        if (host.cmdline().iommuTurnedOff()) {
            why.append(" The kernel command line turns it off.");
        } else if (host.cmdline().intelIommuOn() || host.cmdline().value("amd_iommu").isPresent()) {
            why.append(" The kernel command line asks for it, so it is probably disabled in the firmware setup.");
        } else {
            why.append(" The kernel command line does not ask for it (").append(param.split(" ", -1)[0]).append(").");
        }
        if (host.hypervisor()) {
            why.append(" This host is itself a virtual machine: its hypervisor would have to offer a virtual IOMMU.");
        }
        String fix = "enable " + firmware + " in the firmware setup; add '" + param
                + "' to GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub, then: sudo update-grub && sudo reboot";
        return Check.fail("iommu-enabled", null, why.toString(), fix);
    }

    static Check vfioModules(HostSnapshot host) {
        if (host.moduleLoaded("vfio_pci")) {
            return Check.ok("vfio-modules", null, "vfio-pci is loaded");
        }
        return Check.warn("vfio-modules", null, "the vfio-pci module is not loaded",
                "sudo modprobe vfio-pci && echo vfio-pci | sudo tee /etc/modules-load.d/vfio-pci.conf");
    }
}
