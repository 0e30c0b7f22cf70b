package io.github.vbios.vm;

import java.util.List;

/**
 * A complete, runnable start script for a plain QEMU VM with the GPU: q35 (or the plan's machine)
 * with KVM, OVMF with this VM's own variable store (copied from the template on the first start),
 * a disk (a placeholder the user sets), an emulated VGA as the display (a muxless dGPU has no
 * outputs), user-mode networking, then the passthrough arguments of {@link QemuArgs#passthrough}.
 * Arguments after the script's name are appended to QEMU's. POSIX sh, so dash and bash both run it.
 */
public final class QemuScript {
    public static final String FILE = "start-vm.sh";
    /** Where the disk must be set; the script refuses to start until it exists. */
    public static final String DISK_PLACEHOLDER = "/path/to/your-guest-disk.qcow2";

    private QemuScript() {
    }

    /** @param varsTemplate the OVMF_VARS template (Debian: /usr/share/OVMF/OVMF_VARS_4M.fd) */
    public static String render(PassthroughPlan plan, String varsTemplate) {
        String vars = plan.ovmfVars().startsWith("/") ? QemuArgs.shellQuote(plan.ovmfVars())
                : "\"$here\"/" + QemuArgs.shellQuote(plan.ovmfVars());
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# Starts a VM with the GPU passed through (written by vbios). GPU ACPI path in the guest: ")
                .append(plan.acpiPath()).append("\n");
        s.append("#   DISK=/path/to/disk.qcow2 sh ").append(FILE).append(" [more QEMU options]\n");
        s.append("# Variables: DISK, DISK_FORMAT (qcow2), MEMORY (8G), CPUS (4), QEMU, OVMF_VARS,\n");
        s.append("#   DISPLAY_ARGS (-vnc 127.0.0.1:0; or -display gtk with Debian's qemu-system-gui,\n");
        s.append("#   or -spice port=5930,disable-ticketing=on). The emulated VGA is the display: a laptop dGPU\n");
        s.append("#   has no outputs (see NEXT-STEPS.md for Looking Glass and remote desktop).\n");
        s.append("# To merge into a command line you already have: keep your -machine (q35) and firmware, add\n");
        s.append("#   only the lines after -nic below (vbios vm qemu --json: qemuPassthroughArgs; vbios optimus: qemu-args.txt).\n");
        s.append("set -eu\n");
        s.append("here=$(cd \"$(dirname \"$0\")\" && pwd)\n");
        s.append("QEMU=${QEMU:-qemu-system-x86_64}\n");
        s.append("DISK=${DISK:-").append(DISK_PLACEHOLDER).append("}\n");
        s.append("DISK_FORMAT=${DISK_FORMAT:-qcow2}\n");
        s.append("MEMORY=${MEMORY:-8G}\n");
        s.append("CPUS=${CPUS:-4}\n");
        s.append("DISPLAY_ARGS=${DISPLAY_ARGS:--vnc 127.0.0.1:0}\n");
        s.append("OVMF_CODE=").append(QemuArgs.shellQuote(plan.ovmfCode())).append('\n');
        s.append("OVMF_VARS_TEMPLATE=").append(QemuArgs.shellQuote(varsTemplate)).append('\n');
        s.append("OVMF_VARS=${OVMF_VARS:-").append(vars).append("}\n");
        s.append("if [ ! -e \"$DISK\" ]; then\n");
        s.append("  echo \"").append(FILE).append(": set DISK to your guest's disk image, e.g. DISK=/var/lib/vm/win11.qcow2 sh ")
                .append(FILE).append("\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        s.append("# the first start makes this VM's own copy of the UEFI variable store\n");
        s.append("[ -e \"$OVMF_VARS\" ] || cp \"$OVMF_VARS_TEMPLATE\" \"$OVMF_VARS\"\n");
        s.append("# shellcheck disable=SC2086  # DISPLAY_ARGS is split on purpose\n");
        s.append("exec \"$QEMU\" \\\n");
        s.append("  -name vbios-gpu-vm \\\n");
        s.append("  -machine ").append(QemuArgs.shellQuote(plan.machine() + ",accel=kvm")).append(" \\\n");
        s.append("  -cpu host -smp \"$CPUS\" -m \"$MEMORY\" \\\n");
        s.append("  -drive \"if=pflash,format=raw,readonly=on,file=$OVMF_CODE\" \\\n");
        s.append("  -drive \"if=pflash,format=raw,file=$OVMF_VARS\" \\\n");
        s.append("  -drive \"file=$DISK,format=$DISK_FORMAT,if=none,id=vbios-disk\" \\\n");
        s.append("  -device ide-hd,drive=vbios-disk,bus=ide.0 \\\n");
        s.append("  -vga std $DISPLAY_ARGS \\\n");
        s.append("  -nic user,model=e1000e \\\n");
        List<String> pt = QemuArgs.passthrough(plan);
        for (int i = 0; i < pt.size(); i++) {
            String w = pt.get(i);
            boolean option = w.startsWith("-") && i + 1 < pt.size();
            s.append(option ? "  " + QemuArgs.shellQuote(w) + " " + QemuArgs.shellQuote(pt.get(++i)) : "  " + QemuArgs.shellQuote(w))
                    .append(" \\\n");
        }
        s.append("  \"$@\"\n");
        return s.toString();
    }
}
