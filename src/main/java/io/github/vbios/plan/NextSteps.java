package io.github.vbios.plan;

import io.github.vbios.vm.GuestCheck;

/**
 * NEXT-STEPS.md of {@code vbios optimus}: what each file is, where it goes, which command to run,
 * and what to check in the guest; the ACPI path ties the SSDT, the VM config and the guest check
 * together (acpi-vm.md 1.2).
 */
final class NextSteps {
    static final String FILE = "NEXT-STEPS.md";

    private NextSteps() {
    }

    static String render(OptimusResult r, OptimusConfigs.Rendered vm) {
        OptimusCandidate c = r.selection().chosen();
        StringBuilder s = new StringBuilder();
        s.append("# Next steps: the dGPU ").append(c.ids()).append(" in a VM\n\n");
        s.append("Made by `vbios optimus` from a ").append(r.inputKind()).append(" input; ROM chosen by ")
                .append(r.selection().reason()).append(" (").append(c.rom().provenance()).append(").\n\n");
        s.append("The GPU sits at guest address ").append(Optimus.GUEST_ADDRESS).append(" behind a root port at ")
                .append(Optimus.ROOT_PORT).append("; its ACPI path in the guest is **`").append(r.acpiPath())
                .append("`**. The SSDT puts `_ROM` there, the VM config puts the GPU there; keep them together.\n\n");
        s.append("## Files\n\n| file | what it is |\n|---|---|\n");
        r.artefacts().forEach(a -> s.append("| `").append(a.file()).append("` | ").append(a.description()).append(" |\n"));
        s.append("\n## 1. Host\n\n");
        s.append("- Bind the dGPU (").append(r.hostDevice()).append(") to vfio-pci and check the host with `vbios doctor")
                .append(r.hostDeviceFound() ? " " + r.hostDevice() : "").append("`.\n");
        if (!r.hostDeviceFound()) {
            s.append("- The GPU was not found on the machine that ran vbios: replace `").append(r.hostDevice())
                    .append("` in the configs with the address `lspci -D -d 10de:` shows, or rerun `vbios optimus` "
                            + "there with `--device BDF`.\n");
        }
        s.append("\n## 2. VM configuration (pick one)\n\n");
        s.append("- QEMU: append the arguments of `qemu-args.txt` to your `qemu-system-x86_64` command line ")
                .append("(q35 machine, OVMF).\n");
        s.append("- libvirt: `virsh edit VM`, add `xmlns:qemu=\"http://libvirt.org/schemas/domain/qemu/1.0\"` to ")
                .append("`<domain>` and merge `libvirt-snippet.xml` (or run `vbios vm libvirt --device ")
                .append(r.hostDevice()).append(" --ssdt ssdt/ --romfile ").append(r.romfile())
                .append(" --domain VM.xml` for the patched domain).\n");
        s.append("- Proxmox VE: run these as root, then start the VM:\n\n```\n");
        vm.proxmox().commands().forEach(l -> s.append(l).append('\n'));
        s.append("```\n\n");
        s.append("The ACPI tables are loaded with `-acpitable file=...` from `ssdt/` (").append(r.ssdtMode())
                .append(" mode").append("fwcfg".equals(r.ssdtMode()) ? "; the ROM itself goes in with `-fw_cfg`" : "")
                .append("); keep that folder where the configs say, or regenerate with `vbios ssdt --rom ")
                .append(r.romfile()).append(" --path '").append(r.acpiPath()).append("' -o ssdt/`.\n\n");
        s.append("## 3. Check in the guest\n\n");
        GuestCheck check = GuestCheck.of(vm.plan());
        s.append("The guest's PCI address of the GPU is not fixed (libvirt adds root ports, so it may be 03:00.0 or ")
                .append("07:00.0 while 01:00.0 is another device): find it by its IDs, ").append(check.ids())
                .append(", and compare its ACPI path with **`").append(r.acpiPath()).append("`**.\n\n");
        s.append("- Windows: ").append(check.windows()).append(". Then install the NVIDIA driver; a battery ")
                .append("(`BAT0`) is shown, which the notebook driver expects.\n");
        s.append("- Linux: run this in a shell; each line is the GPU's guest address, its ACPI path and OK or MISMATCH ")
                .append("(Linux prints the path padded, `\\_SB_.PCI0.SE0_.S00_`; the check drops the padding):\n\n```\n")
                .append(check.linux()).append("\n```\n\n");
        s.append("  Then `dmesg | grep -i -e ACPI -e nvidia` shows no ACPI errors.\n");
        s.append("- If the path differs, the guest placed the GPU elsewhere: regenerate the tables for the path it shows.\n");
        if (!r.notes().isEmpty()) {
            s.append("\n## Notes\n\n");
            r.notes().forEach(n -> s.append("- ").append(n).append('\n'));
        }
        return s.toString();
    }
}
