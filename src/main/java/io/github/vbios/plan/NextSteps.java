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

    /**
     * A muxless laptop dGPU has no display outputs: the guest is seen through an emulated display,
     * or the dGPU renders into a virtual display read by Looking Glass or a remote-desktop server.
     */
    private static void display(StringBuilder s) {
        s.append("## Seeing the guest's display\n\n");
        s.append("A laptop (muxless) dGPU has no display outputs: nothing the guest draws on it reaches a monitor. ")
                .append("Pick one:\n\n");
        s.append("- **Emulated display as the primary screen** (simplest, also for installing the driver): ")
                .append("`start-vm.sh` has `-vga std` with VNC on 127.0.0.1:5900 (`DISPLAY_ARGS='-display gtk'` with ")
                .append("Debian's qemu-system-gui, or `-spice port=5930,disable-ticketing=on`); libvirt: keep the domain's ")
                .append("`<video>` (QXL or virtio) and `<graphics type='spice'>`; Proxmox: keep `vga:` at its default ")
                .append("and use the console, and do not set `x-vga=1` (that makes the dGPU the primary VGA). ")
                .append("Applications run on the NVIDIA GPU when asked to (Windows: Settings > Display > Graphics).\n");
        s.append("- **Looking Glass**: the dGPU needs a display to render into: install an indirect display driver ")
                .append("(a virtual monitor, e.g. the IddSampleDriver-based Virtual Display Driver) in Windows, then the ")
                .append("Looking Glass host in the guest and an IVSHMEM device in the VM (libvirt `<shmem ")
                .append("name='looking-glass'>`, QEMU `-device ivshmem-plain`), and the client on the host.\n");
        s.append("- **Remote desktop**: RDP (Windows Pro), or a streaming server such as Sunshine or Parsec that ")
                .append("encodes on the dGPU (it also needs a virtual display).\n\n");
        s.append("(vbios did not test these in a guest; they are the usual routes for muxless laptops.)\n\n");
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
        s.append("- QEMU, a new VM: `DISK=/path/to/disk.qcow2 sh start-vm.sh` (q35, OVMF with its own variable ")
                .append("store, copied from the template on the first start, the emulated display and the dGPU; ")
                .append("set DISK first).\n");
        s.append("- QEMU, a command line you already have: keep its `-machine` (q35) and firmware and add the options ")
                .append("of `qemu-args.txt` once (they hold no `-machine` and no pflash drives).\n");
        s.append("- libvirt: `virsh edit VM`, add `xmlns:qemu=\"http://libvirt.org/schemas/domain/qemu/1.0\"` to ")
                .append("`<domain>` and merge `libvirt-snippet.xml` (all but its placeholder `<name>`), or better run ")
                .append("`virsh dumpxml VM > VM.xml; vbios vm libvirt --device ").append(r.hostDevice())
                .append(" --ssdt ssdt/ --romfile ").append(r.romfile()).append(" --domain VM.xml -o VM-gpu.xml; ")
                .append("virsh define VM-gpu.xml` for the whole domain patched (it keeps the guest's firmware and ")
                .append("devices, and serves pc machines too).\n");
        s.append("- Proxmox VE: run these as root, then start the VM. They copy the tables to ")
                .append("`/var/lib/vz/snippets/vbios-").append(OptimusConfigs.VMID).append("/`; `qm set --args` replaces ")
                .append("existing args, so for a VM that has `args:` or a pinned machine run `vbios vm proxmox --device ")
                .append(r.hostDevice()).append(" --ssdt ssdt/ --romfile ").append(r.romfile())
                .append(" --vmid ID --vm-config /etc/pve/qemu-server/ID.conf` instead, which merges:\n\n```\n");
        vm.proxmox().commands().forEach(l -> s.append(l).append('\n'));
        s.append("```\n\n");
        s.append("The ACPI tables are loaded with `-acpitable file=...` from `ssdt/` (").append(r.ssdtMode())
                .append(" mode").append("fwcfg".equals(r.ssdtMode()) ? "; the ROM itself goes in with `-fw_cfg`" : "")
                .append("); keep that folder where the configs say, or regenerate with `vbios ssdt --rom ")
                .append(r.romfile()).append(" --path '").append(r.acpiPath()).append("' -o ssdt/`.\n\n");
        display(s);
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
            // hints stay plain; what the user must act on says so, as on the terminal
            r.remarks().forEach(n -> s.append("- ").append(n.severity().mark()).append(n.message()).append('\n'));
        }
        return s.toString();
    }
}
