package io.github.vbios.plan;

import io.github.vbios.io.Finding;
import io.github.vbios.io.VbiosException;
import io.github.vbios.vm.ProxmoxVmConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The Proxmox side of planning: which {@code hostpciN} the GPU takes in the VM's config, the VM's
 * own machine type, and the notes on hotplug and firmware (acpi-vm.md 3.3).
 */
final class ProxmoxPlanning {
    /** Proxmox's hostpci0..hostpci15. */
    static final int PROXMOX_MAX_HOSTPCI = 15;

    private ProxmoxPlanning() {
    }

    /**
     * The request with the Proxmox VM's facts applied: the hostpciN that already passes the GPU, or
     * the first free one (or the one asked for, if free), and the VM's own machine type (a pinned
     * {@code pc-q35-8.1} or {@code pc-q35-8.1+pve0} stays). hostpci with pcie=1 needs q35.
     */
    static PlanRequest resolve(PlanRequest req) {
        ProxmoxVmConfig vm = req.proxmoxVm();
        int asked = req.proxmoxIndex();
        if (vm == null) {
            return asked == PlanRequest.AUTO_INDEX ? req.withOptions(req.gpuOnly(), req.hotplugOff(), 0) : req;
        }
        if (!vm.q35()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the VM's machine is "
                    + vm.get("machine").orElse("i440fx (no machine: line, Proxmox's default)") + ": hostpci with pcie=1 "
                    + "needs q35; change it yourself (qm set VMID --machine q35; a Windows guest then finds new "
                    + "devices) and run vbios vm proxmox again");
        }
        String slot = String.format(Locale.ROOT, "%04x:%02x:%02x", req.device().domain(), req.device().bus(),
                req.device().slot());
        Optional<Integer> existing = vm.hostpciFor(slot);
        int index;
        if (asked == PlanRequest.AUTO_INDEX) {
            index = existing.orElseGet(() -> IntStream.rangeClosed(0, PROXMOX_MAX_HOSTPCI)
                    .filter(n -> !vm.hostpci().containsKey(n)).findFirst().orElseThrow(() -> new VbiosException(
                            VbiosException.Kind.INVALID_INPUT, "all hostpci0-" + PROXMOX_MAX_HOSTPCI
                            + " are used in the VM config")));
        } else {
            index = asked;
            if (existing.isPresent() && existing.get() != asked) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "hostpci" + existing.get() + " already "
                        + "passes " + slot + ": use --index " + existing.get() + " (or remove that line)");
            }
            if (existing.isEmpty() && vm.hostpci().containsKey(asked)) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "hostpci" + asked + " is used by "
                        + vm.hostpci().get(asked) + " in the VM config: leave --index out to take a free one");
            }
        }
        return new PlanRequest(req.target(), req.device(), req.romfile(), req.ssdtDir(), req.subsystem(), req.gpuOnly(),
                req.hotplugOff(), index, req.domain(), vm.get("machine").orElseThrow(), req.ovmfCode(), req.ovmfVars(),
                req.switchToUefi(), vm);
    }

    static void notes(PlanRequest req, List<Finding> notes) {
        int port = req.proxmoxIndex() + 1;
        notes.add(req.hotplugOff()
                ? PlanCode.HOTPLUG_TURNED_OFF.note("Proxmox's root port ich9-pcie-port-" + port
                + " has hotplug on; args: turns it off (-set device.ich9-pcie-port-" + port + ".hotplug=off), as the qemu and "
                + "libvirt plans do, so QEMU puts no _DSM/_SUN/_EJ0 on the GPU's node (--keep-hotplug leaves it on)")
                : PlanCode.HOTPLUG_KEPT.note("--keep-hotplug: Proxmox's root port ich9-pcie-port-" + port + " keeps hotplug on, so QEMU's ACPI "
                + "hotplug puts _DSM/_SUN/_EJ0 on the GPU's node beside our _ROM (the NVIDIA driver has been seen "
                + "calling that _DSM)"));
        ProxmoxVmConfig vm = req.proxmoxVm();
        if (vm == null) {
            notes.add(PlanCode.NO_VM_CONFIG.note("no --vm-config: the VM must use a q35 machine (keep a pinned version such as pc-q35-8.1) and "
                    + "qm set --args replaces existing args: pass --vm-config /etc/pve/qemu-server/VMID.conf to merge"));
        } else if (!vm.ovmf()) {
            notes.add(req.switchToUefi() ? PlanCode.SWITCHED_TO_UEFI.note("the VM booted with SeaBIOS and is switched to OVMF "
                    + "(--switch-to-uefi): add an EFI disk (qm set VMID --efidisk0 STORAGE:1,efitype=4m); an installed BIOS guest "
                    + "no longer boots")
                    : PlanCode.STAYS_SEABIOS.note("the VM boots with SeaBIOS and stays so: the tables and fw_cfg work under SeaBIOS "
                    + "as under OVMF; --switch-to-uefi changes it (an installed BIOS guest would not boot)"));
        }
    }

}
