package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.IomemEntry;
import io.github.vbios.host.IommuGroup;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.host.PciResource;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.ShadowCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The checks doctor runs for one GPU it would pass through (issue 7, acpi-vm.md 4). */
final class GpuChecks {
    private final HostSnapshot host;
    private final HostIndex index;
    private final PciDevice gpu;
    private final String at;

    GpuChecks(HostIndex index, PciDevice gpu) {
        this.index = index;
        this.host = index.host();
        this.gpu = gpu;
        this.at = gpu.address().toString();
    }

    List<Check> all() {
        return List.of(groupIsolated(), driverBound(), bootVga(), optimusMuxless(), romReadable(),
                framebufferConflict(), subsystemIds());
    }

    Check groupIsolated() {
        String id = "iommu-group-isolated";
        if (!host.iommuActive()) {
            return Check.warn(id, at, "not checked: there are no IOMMU groups (see iommu-enabled)", null);
        }
        Optional<IommuGroup> group = index.group(gpu.iommuGroup());
        if (group.isEmpty()) {
            return Check.fail(id, at, "the GPU has no IOMMU group although the IOMMU is active",
                    "check dmesg for DMAR/AMD-Vi errors about " + at);
        }
        List<String> others = new ArrayList<>();
        for (PciAddress m : group.get().members()) {
            Optional<PciDevice> d = index.device(m);
            boolean own = m.sameSlot(gpu.address());
            boolean bridge = d.map(PciDevice::isBridge).orElse(false);
            if (!own && !bridge) {
                others.add(m + d.map(x -> " (" + Hex.id16(x.vendorId()) + ":" + Hex.id16(x.deviceId())
                        + ", class " + String.format("%06x", x.classCode() & 0xFFFFFF) + ")").orElse(""));
            }
        }
        int n = group.get().number();
        if (others.isEmpty()) {
            return Check.ok(id, at, "IOMMU group " + n + " holds only the GPU, its functions and bridges");
        }
        return Check.fail(id, at, "IOMMU group " + n + " also holds " + String.join(", ", others)
                        + ": every device of a group must go to the VM together",
                "pass all of group " + n + " to the VM, or move the card to a slot with its own group; "
                        + "last resort (no isolation): the ACS override patch with pcie_acs_override=downstream,multifunction");
    }

    Check driverBound() {
        String id = "driver-bound";
        String driver = gpu.driver();
        if ("vfio-pci".equals(driver)) {
            return Check.ok(id, at, "bound to vfio-pci");
        }
        String ids = idsOfSlot();
        String fix = "add 'vfio-pci.ids=" + ids + "' to the kernel command line and 'softdep "
                + (driver == null ? "nouveau" : driver) + " pre: vfio-pci' to /etc/modprobe.d/vfio.conf, "
                + "then: sudo update-initramfs -u && sudo reboot";
        String now = driver == null ? "not bound to any driver" : "bound to " + driver;
        String listed = host.cmdline().vfioIds().contains(ids.split(",", -1)[0])
                ? " although vfio-pci.ids lists it (vfio-pci loaded too late?)" : "";
        return Check.warn(id, at, "the GPU is " + now + listed
                + "; libvirt (managed='yes') detaches it at VM start, a plain QEMU needs it on vfio-pci", fix);
    }

    Check bootVga() {
        String id = "boot-vga";
        if (!gpu.bootVga()) {
            return Check.ok(id, at, "not the boot VGA");
        }
        // the ROM and the framebuffer each have their own check, with the one fix for this host (issue 15)
        return Check.warn(id, at, "the firmware used this GPU for the boot console: its sysfs ROM is the shadowed "
                        + "copy (see rom-readable) and the host console may hold its framebuffer (see framebuffer-conflict)",
                "see rom-readable and framebuffer-conflict");
    }

    Check optimusMuxless() {
        String id = "optimus-muxless";
        if (!gpu.is3dController()) {
            return Check.ok(id, at, "a display controller with outputs (class "
                    + String.format("%06x", gpu.classCode() & 0xFFFFFF) + ")");
        }
        return Check.warn(id, at, "3D controller (muxless Optimus dGPU): the guest driver reads the VBIOS only "
                        + "through ACPI _ROM and also needs the laptop's subsystem IDs and a battery",
                "vbios optimus <BIOS update or ROM dump> -o optimus-out/");
    }

    Check romReadable() {
        String id = "rom-readable";
        if (gpu.romPresent() && gpu.romSize() > 0 && gpu.bootVga()) {
            return Check.warn(id, at, "ROM BAR of " + (gpu.romSize() >> 10) + " KiB, but " + ShadowCopy.BOOT_GPU
                    + ": no romfile for a VM (vbios dump refuses it)", "way out: " + ShadowCopy.wayOutLine(HostDump.ids(gpu)));
        }
        if (gpu.romPresent() && gpu.romSize() > 0) {
            return Check.ok(id, at, "ROM BAR of " + (gpu.romSize() >> 10) + " KiB; read it with: sudo vbios dump "
                    + at + " -o gpu.rom");
        }
        return Check.warn(id, at, "no ROM BAR" + (gpu.is3dController() ? " (usual for laptop dGPUs)" : "")
                        + ": the VBIOS cannot be read through sysfs",
                "vbios extract <laptop BIOS update> -o vbios-out/   (or, with acpi_call loaded: sudo vbios dump "
                        + at + " --acpi -o gpu.rom)");
    }

    Check framebufferConflict() {
        String id = "framebuffer-conflict";
        List<IomemEntry> fbs = index.framebuffers();
        if (fbs.stream().anyMatch(IomemEntry::addressesHidden)) {
            return Check.warn(id, at, "/proc/iomem shows no addresses to this user; cannot check", "sudo vbios doctor");
        }
        List<String> hits = new ArrayList<>();
        for (IomemEntry fb : fbs) {
            for (PciResource bar : gpu.memoryBars()) {
                if (bar.contains(fb.start(), fb.end())) {
                    hits.add(fb.name() + " in BAR" + bar.index());
                }
            }
        }
        if (hits.isEmpty()) {
            return Check.ok(id, at, "no boot framebuffer in the GPU's memory");
        }
        FramebufferAdvice advice = FramebufferAdvice.forConflict(host, String.join(", ", hits));
        return Check.warn(id, at, advice.message(), advice.fix());
    }

    Check subsystemIds() {
        String id = "subsystem-ids";
        String ids = Hex.id16(gpu.subsystemVendorId()) + ":" + Hex.id16(gpu.subsystemDeviceId());
        if (gpu.hasValidSubsystem()) {
            return Check.ok(id, at, "subsystem " + ids + " (vbios vm copies it into x-pci-sub-vendor-id/-device-id)");
        }
        String power = gpu.powerState() == null ? "" : " (power state " + gpu.powerState() + ")";
        return Check.warn(id, at, "subsystem IDs read as " + ids + power
                        + ": the device may be powered down or no driver has run on it yet",
                "read them where a driver ran (lspci -nn -v 'Subsystem: ... [vvvv:dddd]', or Windows Device Manager) "
                        + "and pass --subsystem VVVV:DDDD to vbios vm");
    }

    /** vendor:device of the GPU and its sibling functions, for vfio-pci.ids. */
    private String idsOfSlot() {
        List<PciDevice> all = new ArrayList<>();
        all.add(gpu);
        all.addAll(index.siblings(gpu.address()));
        return all.stream().map(d -> Hex.id16(d.vendorId()) + ":" + Hex.id16(d.deviceId())).distinct()
                .collect(Collectors.joining(","));
    }
}
