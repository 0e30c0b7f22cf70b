package io.github.vbios.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link PassthroughPlan} for Proxmox VE (acpi-vm.md 3.3): lines for
 * {@code /etc/pve/qemu-server/VMID.conf}, the {@code qm set} command that writes them, and the
 * {@code cp} that puts the romfile under {@code /usr/share/kvm} (Proxmox takes a file name there).
 */
public final class ProxmoxConfig {
    /** Proxmox resolves {@code romfile=NAME} under this folder. */
    public static final String KVM_DIR = "/usr/share/kvm";

    private ProxmoxConfig() {
    }

    /** The rendered text pieces. */
    public record Rendered(List<String> configLines, List<String> commands) {
    }

    public static Rendered render(PassthroughPlan plan, String vmid) {
        GuestFunction gpu = plan.gpu();
        boolean allFunctions = plan.rootPorts().get(0).functions().size() > 1;
        StringBuilder hostpci = new StringBuilder(allFunctions ? gpu.hostSlot() : gpu.hostAddress());
        hostpci.append(",pcie=1");
        String romName = gpu.romfile() == null ? null : Path.of(gpu.romfile()).getFileName().toString();
        if (romName != null) {
            hostpci.append(",romfile=").append(romName);
        }
        if (gpu.hasSubsystem()) {
            hostpci.append(String.format(Locale.ROOT, ",sub-vendor-id=0x%04x,sub-device-id=0x%04x",
                    gpu.subsystemVendorId(), gpu.subsystemDeviceId()));
        }
        String key = "hostpci" + plan.proxmoxIndex();
        List<String> lines = new ArrayList<>();
        lines.add("machine: " + plan.machine());
        lines.add("bios: ovmf");
        lines.add(key + ": " + hostpci);
        String args = args(plan);
        if (!args.isEmpty()) {
            lines.add("args: " + args);
        }
        List<String> cmds = new ArrayList<>();
        if (romName != null) {
            cmds.add("cp " + QemuArgs.shellQuote(gpu.romfile()) + " " + KVM_DIR + "/" + romName);
        }
        StringBuilder qm = new StringBuilder("qm set " + vmid + " --machine " + plan.machine() + " --bios ovmf --"
                + key + " " + QemuArgs.shellQuote(hostpci.toString()));
        if (!args.isEmpty()) {
            qm.append(" --args ").append(QemuArgs.shellQuote(args));
        }
        cmds.add(qm.toString());
        return new Rendered(lines, cmds);
    }

    /** The {@code args:} value: tables and fw_cfg, appended verbatim by Proxmox (root only). */
    static String args(PassthroughPlan plan) {
        List<String> a = new ArrayList<>();
        for (String t : plan.acpiTables()) {
            a.add("-acpitable file=" + QemuArgs.value(t));
        }
        if (plan.fwCfg() != null) {
            a.add("-fw_cfg name=" + QemuArgs.value(plan.fwCfg().name()) + ",file=" + QemuArgs.value(plan.fwCfg().file()));
        }
        return String.join(" ", a);
    }
}
