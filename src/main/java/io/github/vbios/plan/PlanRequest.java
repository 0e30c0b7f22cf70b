package io.github.vbios.plan;

import io.github.vbios.host.PciAddress;
import io.github.vbios.rom.SubsystemIds;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.ProxmoxVmConfig;
import io.github.vbios.vm.VmTarget;
import java.nio.file.Path;

/**
 * What the user asked {@code vbios vm} for. Nullable: {@code romfile}, {@code ssdtDir},
 * {@code subsystem}, {@code domain}.
 *
 * @param gpuOnly     leave the sibling functions (HDMI audio) on the host (acpi-vm.md 4 #13)
 * @param hotplugOff  {@code hotplug=off} on the root port (4 #14)
 * @param proxmoxIndex the N of {@code hostpciN}, or {@link #AUTO_INDEX}
 * @param proxmoxVm    the Proxmox VM's config to merge with, or null
 */
public record PlanRequest(VmTarget target, PciAddress device, Path romfile, Path ssdtDir, SubsystemIds subsystem,
                          boolean gpuOnly, boolean hotplugOff, int proxmoxIndex, LibvirtDomain domain,
                          String machine, String ovmfCode, String ovmfVars, boolean switchToUefi,
                          ProxmoxVmConfig proxmoxVm) {
    /** {@code proxmoxIndex} value: pick the VM's hostpciN for the GPU, or the first free one. */
    public static final int AUTO_INDEX = -1;

    public PlanRequest(VmTarget target, PciAddress device, Path romfile, Path ssdtDir, SubsystemIds subsystem,
                       boolean gpuOnly, boolean hotplugOff, int proxmoxIndex, LibvirtDomain domain, String machine,
                       String ovmfCode, String ovmfVars) {
        this(target, device, romfile, ssdtDir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, domain, machine, ovmfCode,
                ovmfVars, false, null);
    }

    /** Allow switching an existing BIOS guest to UEFI ({@code --switch-to-uefi}); never done unasked. */
    public PlanRequest withSwitchToUefi(boolean flag) {
        return new PlanRequest(target, device, romfile, ssdtDir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, domain,
                machine, ovmfCode, ovmfVars, flag, proxmoxVm);
    }

    public static final String OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public static final String OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd";
    /** The per-VM copy of the variable store, beside the start script. */
    public static final String OVMF_VARS_COPY = "vm-OVMF_VARS.fd";

    /** Defaults: all functions, hotplug off, hostpci0, q35, Debian's OVMF paths. */
    public static PlanRequest of(VmTarget target, PciAddress device) {
        return new PlanRequest(target, device, null, null, null, false, true, 0, null, "q35", OVMF_CODE,
                "vm-OVMF_VARS.fd");
    }

    /** The Proxmox VM's current config ({@code --vm-config}), merged instead of overwritten. */
    public PlanRequest withProxmoxVm(ProxmoxVmConfig vm) {
        return new PlanRequest(target, device, romfile, ssdtDir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, domain,
                machine, ovmfCode, ovmfVars, switchToUefi, vm);
    }

    public PlanRequest withRomfile(Path p) {
        return new PlanRequest(target, device, p, ssdtDir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, domain,
                machine, ovmfCode, ovmfVars, switchToUefi, proxmoxVm);
    }

    public PlanRequest withSsdt(Path dir) {
        return new PlanRequest(target, device, romfile, dir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, domain,
                machine, ovmfCode, ovmfVars, switchToUefi, proxmoxVm);
    }

    public PlanRequest withSubsystem(SubsystemIds ids) {
        return new PlanRequest(target, device, romfile, ssdtDir, ids, gpuOnly, hotplugOff, proxmoxIndex, domain,
                machine, ovmfCode, ovmfVars, switchToUefi, proxmoxVm);
    }

    public PlanRequest withDomain(LibvirtDomain d) {
        return new PlanRequest(target, device, romfile, ssdtDir, subsystem, gpuOnly, hotplugOff, proxmoxIndex, d,
                machine, ovmfCode, ovmfVars, switchToUefi, proxmoxVm);
    }

    public PlanRequest withOptions(boolean gpuOnlyFlag, boolean hotplugOffFlag, int index) {
        return new PlanRequest(target, device, romfile, ssdtDir, subsystem, gpuOnlyFlag, hotplugOffFlag, index,
                domain, machine, ovmfCode, ovmfVars, switchToUefi, proxmoxVm);
    }
}
