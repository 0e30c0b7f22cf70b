package io.github.vbios.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link PassthroughPlan} for Proxmox VE (acpi-vm.md 3.3): lines for
 * {@code /etc/pve/qemu-server/VMID.conf}, the {@code qm set} command that writes them, and the
 * {@code cp} commands that put the files where Proxmox users keep them: the romfile under
 * {@code /usr/share/kvm} (Proxmox takes {@code romfile=} as a name there), the tables and the
 * fw_cfg ROM under {@code /var/lib/vz/snippets/vbios-VMID/} (the local storage's snippets folder,
 * kept across upgrades), which {@code args:} points at. With the VM's own config the result is that
 * config merged: its machine version, firmware and other {@code args:} are kept.
 */
public final class ProxmoxConfig {
    /** Proxmox resolves {@code romfile=NAME} under this folder. */
    public static final String KVM_DIR = "/usr/share/kvm";
    /** The local storage's snippets folder. */
    public static final String SNIPPETS_DIR = "/var/lib/vz/snippets";

    private ProxmoxConfig() {
    }

    /** The rendered text pieces. */
    public record Rendered(List<String> configLines, List<String> commands) {
    }

    /** Where the tables of VM {@code vmid} are copied. */
    public static String storeDir(String vmid) {
        return SNIPPETS_DIR + "/vbios-" + vmid;
    }

    public static Rendered render(PassthroughPlan plan, String vmid) {
        return render(plan, vmid, null, false);
    }

    /**
     * @param vm           the VM's current config, or null (the lines then stand alone and
     *                     {@code qm set --args} replaces any existing args, as a note says)
     * @param switchToUefi set {@code bios: ovmf} on a SeaBIOS VM
     */
    public static Rendered render(PassthroughPlan plan, String vmid, ProxmoxVmConfig vm, boolean switchToUefi) {
        return render(plan, vmid, vm, switchToUefi, null);
    }

    /** @param machine a machine type the user asked for ({@code --machine}, without a VM config), or null */
    public static Rendered render(PassthroughPlan plan, String vmid, ProxmoxVmConfig vm, boolean switchToUefi,
                                  String machine) {
        GuestFunction gpu = plan.gpu();
        RootPort rp = plan.rootPorts().get(0);
        boolean allFunctions = rp.functions().size() > 1;
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
        String dir = storeDir(vmid);
        List<String> ours = ourArgs(plan, dir);
        String args = mergeArgs(vm == null ? "" : vm.get("args").orElse(""), ours, plan, dir);
        boolean setOvmf = switchToUefi && (vm == null || !vm.ovmf());

        List<String> lines = new ArrayList<>();
        if (vm == null) {
            lines.add(machine != null ? "machine: " + machine
                    : "# machine: must be q35; keep a pinned version (pc-q35-8.1, pc-q35-8.1+pve0) if the VM has one");
            lines.add("# bios: ovmf or seabios; both serve the tables");
            lines.add(key + ": " + hostpci);
            if (!args.isEmpty()) {
                lines.add("args: " + args);
            }
        } else {
            Map<String, String> set = new LinkedHashMap<>();
            set.put(key, hostpci.toString());
            if (!args.isEmpty()) {
                set.put("args", args);
            }
            if (setOvmf) {
                set.put("bios", "ovmf");
            }
            lines.addAll(vm.merged(set));
        }

        List<String> cmds = new ArrayList<>();
        List<String> files = new ArrayList<>(plan.acpiTables());
        if (plan.fwCfg() != null) {
            files.add(plan.fwCfg().file());
        }
        if (!files.isEmpty()) {
            cmds.add("mkdir -p " + dir);
            cmds.add("cp " + String.join(" ", files.stream().map(QemuArgs::shellQuote).toList()) + " " + dir + "/");
        }
        if (romName != null) {
            cmds.add("cp " + QemuArgs.shellQuote(gpu.romfile()) + " " + KVM_DIR + "/" + QemuArgs.shellQuote(romName));
        }
        StringBuilder qm = new StringBuilder("qm set " + vmid);
        if (machine != null && vm == null) {
            qm.append(" --machine ").append(QemuArgs.shellQuote(machine));
        }
        if (setOvmf) {
            qm.append(" --bios ovmf");
        }
        qm.append(" --").append(key).append(' ').append(QemuArgs.shellQuote(hostpci.toString()));
        if (!args.isEmpty()) {
            qm.append(" --args ").append(QemuArgs.shellQuote(args));
        }
        cmds.add(qm.toString());
        return new Rendered(lines, cmds);
    }

    /** Tables and fw_cfg from the copies in {@code dir}; hotplug off on the hostpci's root port. */
    static List<String> ourArgs(PassthroughPlan plan, String dir) {
        List<String> a = new ArrayList<>();
        for (String t : plan.acpiTables()) {
            a.add("-acpitable file=" + QemuArgs.value(dir + "/" + Path.of(t).getFileName()));
        }
        if (plan.fwCfg() != null) {
            a.add("-fw_cfg name=" + QemuArgs.value(plan.fwCfg().name()) + ",file="
                    + QemuArgs.value(dir + "/" + Path.of(plan.fwCfg().file()).getFileName()));
        }
        if (plan.rootPorts().get(0).hotplugOff()) {
            // Proxmox names the root port of hostpciN ich9-pcie-port-(N+1) (pve-q35-4.0.cfg, print_pcie_root_port)
            a.add("-set device." + rootPortId(plan.proxmoxIndex()) + ".hotplug=off");
        }
        return a;
    }

    /** Proxmox's id of the root port of {@code hostpciN} with pcie=1. */
    public static String rootPortId(int index) {
        return "ich9-pcie-port-" + (index + 1);
    }

    /**
     * The VM's {@code args:} with ours appended: options we wrote before (tables in our folder or the
     * same files, our fw_cfg name, our {@code -set} for this port) are dropped first, so that
     * running again does not repeat them; everything else is kept in order.
     */
    static String mergeArgs(String existing, List<String> ours, PassthroughPlan plan, String dir) {
        List<String> words = new ArrayList<>(Arrays.asList(existing.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (isOurs(w, next, plan, dir)) {
                i++;
                continue;
            }
            kept.add(w);
        }
        List<String> all = new ArrayList<>();
        if (!kept.isEmpty()) {
            all.add(String.join(" ", kept));
        }
        all.addAll(ours);
        return String.join(" ", all);
    }

    private static boolean isOurs(String option, String value, PassthroughPlan plan, String dir) {
        return switch (option) {
            case "-acpitable" -> value.startsWith("file=" + QemuArgs.value(dir) + "/") || plan.acpiTables().stream()
                    .anyMatch(t -> value.equals("file=" + QemuArgs.value(t)));
            case "-fw_cfg" -> plan.fwCfg() != null && value.startsWith("name=" + QemuArgs.value(plan.fwCfg().name()) + ",");
            case "-set" -> value.equals("device." + rootPortId(plan.proxmoxIndex()) + ".hotplug=off");
            default -> false;
        };
    }
}
