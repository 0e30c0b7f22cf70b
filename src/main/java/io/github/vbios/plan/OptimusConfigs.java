package io.github.vbios.plan;

import io.github.vbios.acpi.SsdtManifest;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.rom.SubsystemIds;
import io.github.vbios.vm.FwCfgEntry;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.ProxmoxConfig;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.QemuScript;
import io.github.vbios.vm.RootPort;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4 of {@code vbios optimus}: the VM side. With the dGPU present on the host the vm room's
 * planner builds the plan (functions, sysfs subsystem IDs); without it (an image prepared on
 * another machine) the same plan shape is built here around a placeholder address, with the
 * ROM's subsystem IDs when it carries them.
 */
final class OptimusConfigs {
    static final String QEMU = "qemu-args.txt";
    static final String LIBVIRT = "libvirt-snippet.xml";
    static final String PROXMOX = "proxmox.conf";
    static final String VMID = "100";

    /** The renderings and the plan they came from. */
    record Rendered(PassthroughPlan plan, String qemu, String script, String libvirt, ProxmoxConfig.Rendered proxmox) {
    }

    private OptimusConfigs() {
    }

    static OptimusResult.Artefact ssdtArtefact(String file) {
        String d;
        if (file.endsWith(".aml")) {
            d = "ACPI table (AML) for -acpitable";
        } else if (file.endsWith(".dsl")) {
            d = "readable ASL of the table beside it";
        } else if (file.endsWith(SsdtManifest.FILE_NAME)) {
            d = "manifest: mode, ACPI path, tables in load order";
        } else {
            d = "ROM copy served to the guest through fw_cfg";
        }
        return new OptimusResult.Artefact(file, "ssdt", d);
    }

    /**
     * Where the files the plans point at are now ({@code from}, the staged output) and where they
     * will be once the output folder is committed ({@code to}).
     */
    record Move(Path from, Path to) {
        String apply(String path) {
            String f = from.toAbsolutePath().normalize().toString();
            if (path == null || !(path.equals(f) || path.startsWith(f + "/"))) {
                return path;
            }
            return to.toAbsolutePath().normalize() + path.substring(f.length());
        }

        /** The same plan with every file path in {@code from} moved to {@code to}. */
        PassthroughPlan apply(PassthroughPlan p) {
            List<RootPort> ports = p.rootPorts().stream().map(rp -> new RootPort(rp.id(), rp.index(), rp.chassis(),
                    rp.port(), rp.slot(), rp.function(), rp.hotplugOff(), rp.functions().stream()
                    .map(g -> new GuestFunction(g.hostAddress(), g.guestFunction(), g.subsystemVendorId(),
                            g.subsystemDeviceId(), apply(g.romfile()), g.alias(), g.vendorId(), g.deviceId()))
                    .toList(), rp.rootBus())).toList();
            FwCfgEntry fw = p.fwCfg() == null ? null : new FwCfgEntry(p.fwCfg().name(), apply(p.fwCfg().file()));
            String f = from.toAbsolutePath().normalize().toString();
            String t = to.toAbsolutePath().normalize().toString();
            return new PassthroughPlan(p.machine(), p.ovmfCode(), p.ovmfVars(), ports,
                    p.acpiTables().stream().map(this::apply).toList(), fw, p.acpiPath(), p.proxmoxIndex(),
                    p.remarks().stream().map(n -> moved(n, f, t)).toList());
        }
    }

    /** The same note with the path {@code from} in its sentence moved to {@code to}; its code stays. */
    private static Finding moved(Finding n, String from, String to) {
        return new Finding(n.severity(), n.offset(), n.message().replace(from, to), n.code());
    }

    static Rendered render(Optional<Optimus.HostGpu> host, String hostAddress, Path romfile, Path ssdtDir,
                           OptimusCandidate c, List<Finding> notes, Move move) throws IOException {
        List<Finding> planNotes = new ArrayList<>();
        PassthroughPlan qemu = move.apply(plan(host, hostAddress, romfile, ssdtDir, c, VmTarget.QEMU, planNotes));
        planNotes.stream().map(n -> moved(n, move.from().toString(), move.to().toString()))
                .filter(n -> !notes.contains(n)).forEach(notes::add);
        PassthroughPlan libvirt = move.apply(plan(host, hostAddress, romfile, ssdtDir, c, VmTarget.LIBVIRT,
                new ArrayList<>()));
        PassthroughPlan proxmox = move.apply(plan(host, hostAddress, romfile, ssdtDir, c, VmTarget.PROXMOX,
                new ArrayList<>()));
        String q = "# The dGPU's part of a qemu-system-x86_64 command line, to merge into one you already have: keep\n"
                + "# your own -machine (q35, any version) and firmware (OVMF or SeaBIOS) and add these options once.\n"
                + "# For a new VM, " + QemuScript.FILE + " is complete (machine, OVMF, disk, display and these).\n"
                + QemuArgs.toShell(QemuArgs.passthrough(qemu)) + "\n";
        return new Rendered(qemu, q, QemuScript.render(qemu, PlanRequest.OVMF_VARS), LibvirtXml.snippet(libvirt),
                ProxmoxConfig.render(proxmox, VMID));
    }

    static List<OptimusResult.Artefact> write(Rendered r, OutputFolder out) throws IOException {
        out.writeString(QEMU, r.qemu());
        out.writeString(QemuScript.FILE, r.script());
        out.writeString(LIBVIRT, r.libvirt());
        StringBuilder pve = new StringBuilder("# Proxmox VE: lines for /etc/pve/qemu-server/" + VMID
                + ".conf (replace " + VMID + " with your VM id)\n");
        r.proxmox().configLines().forEach(l -> pve.append(l).append('\n'));
        pve.append("# or apply them with:\n");
        r.proxmox().commands().forEach(l -> pve.append("#   ").append(l).append('\n'));
        out.writeString(PROXMOX, pve.toString());
        return List.of(
                new OptimusResult.Artefact(QemuScript.FILE, "qemu", "complete QEMU start script: q35, OVMF (own vars copy), "
                        + "disk placeholder, emulated VGA, the dGPU"),
                new OptimusResult.Artefact(QEMU, "qemu", "the dGPU's QEMU options only, to merge into an existing command "
                        + "line: root port, vfio-pci, -acpitable"),
                new OptimusResult.Artefact(LIBVIRT, "libvirt", "libvirt domain XML snippet: hostdev, rom, overrides"),
                new OptimusResult.Artefact(PROXMOX, "proxmox", "Proxmox VE hostpci/args lines and qm set commands"));
    }

    private static PassthroughPlan plan(Optional<Optimus.HostGpu> host, String hostAddress, Path romfile,
                                        Path ssdtDir, OptimusCandidate c, VmTarget target, List<Finding> notes)
            throws IOException {
        if (host.isPresent()) {
            PlanRequest req = PlanRequest.of(target, host.get().device().address()).withRomfile(romfile)
                    .withSsdt(ssdtDir);
            PassthroughPlan p = PassthroughPlanner.plan(host.get().snapshot(), req);
            p.remarks().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            return p;
        }
        return placeholderPlan(hostAddress, romfile, ssdtDir, c, target, notes);
    }

    /** The planner's plan shape (one root port at 00:1c.0, GPU as function 0) without a host device. */
    private static PassthroughPlan placeholderPlan(String hostAddress, Path romfile, Path ssdtDir, OptimusCandidate c,
                                                   VmTarget target, List<Finding> notes) throws IOException {
        Optional<SubsystemIds> sub = c.rom().subsystem();
        if (sub.isEmpty() && target == VmTarget.QEMU) {
            notes.add(PlanCode.SUBSYSTEM_MISSING.note("the ROM carries no subsystem IDs and the GPU is not on this host: add "
                    + "x-pci-sub-vendor-id/x-pci-sub-device-id (lspci -nnv -s BDF shows them) or rerun on the laptop"));
        }
        GuestFunction gpu = new GuestFunction(hostAddress, 0, sub.map(SubsystemIds::vendorId).orElse(-1),
                sub.map(SubsystemIds::deviceId).orElse(-1),
                romfile.toAbsolutePath().normalize().toString(), "vbios-gpu", c.rom().vendorId(), c.rom().deviceId());
        RootPort rp = new RootPort("vbios-rp1", 1, 1, 0x11, 0x1c, 0, true, List.of(gpu));
        SsdtManifest m = SsdtManifest.read(ssdtDir);
        Path dir = ssdtDir.toAbsolutePath().normalize();
        List<String> tables = m.tables().stream().map(t -> dir.resolve(t).toString()).toList();
        FwCfgEntry fw = m.fwCfg() == null ? null : new FwCfgEntry(m.fwCfg().name(), dir.resolve(m.fwCfg().file()).toString());
        PlanRequest defaults = PlanRequest.of(target, PciAddress.parse(hostAddress).orElse(null));
        return new PassthroughPlan(defaults.machine(), defaults.ovmfCode(), defaults.ovmfVars(), List.of(rp), tables,
                fw, m.acpiPath(), 0, List.of());
    }
}
