package io.github.vbios.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link PassthroughPlan} as {@code qemu-system-x86_64} arguments (acpi-vm.md 3.1). */
public final class QemuArgs {
    private QemuArgs() {
    }

    /** The arguments, one list element per shell word: machine, OVMF pflash, then {@link #passthrough}. */
    public static List<String> render(PassthroughPlan plan) {
        List<String> a = new ArrayList<>();
        a.add("-machine");
        a.add(plan.machine() + ",accel=kvm");
        a.add("-drive");
        a.add("if=pflash,format=raw,readonly=on,file=" + value(plan.ovmfCode()));
        a.add("-drive");
        a.add("if=pflash,format=raw,file=" + value(plan.ovmfVars()));
        a.addAll(passthrough(plan));
        return a;
    }

    /**
     * Only what passing the GPU adds to a command line that already has its machine and firmware:
     * root port, vfio-pci functions, {@code -acpitable}, {@code -fw_cfg}.
     */
    public static List<String> passthrough(PassthroughPlan plan) {
        List<String> a = new ArrayList<>();
        for (RootPort rp : plan.rootPorts()) {
            if (!rp.rootBus()) {
                a.add("-device");
                a.add(rootPort(rp));
            }
            for (GuestFunction f : rp.functions()) {
                a.add("-device");
                a.add(vfio(rp, f));
            }
        }
        for (String table : plan.acpiTables()) {
            a.add("-acpitable");
            a.add("file=" + value(table));
        }
        if (plan.fwCfg() != null) {
            a.add("-fw_cfg");
            a.add("name=" + value(plan.fwCfg().name()) + ",file=" + value(plan.fwCfg().file()));
        }
        return a;
    }

    static String rootPort(RootPort rp) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "pcie-root-port,id=%s,bus=pcie.0,addr=0x%x.0x%x,chassis=%d,port=0x%x", rp.id(), rp.slot(),
                rp.function(), rp.chassis(), rp.port()));
        if (rp.hotplugOff()) {
            s.append(",hotplug=off");
        }
        return s.toString();
    }

    static String vfio(RootPort rp, GuestFunction f) {
        StringBuilder s = new StringBuilder("vfio-pci,host=" + f.hostAddress() + ",id=" + f.alias() + ",bus="
                + (rp.rootBus() ? "pci.0" : rp.id())
                + String.format(Locale.ROOT, ",addr=0x%x.0x%x", rp.rootBus() ? rp.slot() : 0, f.guestFunction()));
        if (f.guestFunction() == 0 && rp.functions().size() > 1) {
            s.append(",multifunction=on");
        }
        if (f.hasSubsystem()) {
            s.append(String.format(Locale.ROOT, ",x-pci-sub-vendor-id=0x%04x,x-pci-sub-device-id=0x%04x",
                    f.subsystemVendorId(), f.subsystemDeviceId()));
        }
        if (f.romfile() != null) {
            s.append(",romfile=").append(value(f.romfile()));
        }
        return s.toString();
    }

    /** QEMU option values escape a comma by doubling it. */
    static String value(String v) {
        return v.replace(",", ",,");
    }

    /** A copy-paste form: one option per line, words quoted for a POSIX shell where needed. */
    public static String toShell(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            boolean option = w.startsWith("-") && i + 1 < args.size();
            sb.append(i == 0 ? "" : option ? " \\\n" : " ").append(shellQuote(w));
        }
        return sb.append('\n').toString();
    }

    public static String shellQuote(String w) {
        if (w.matches("[A-Za-z0-9_./:=,+@%-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }
}
