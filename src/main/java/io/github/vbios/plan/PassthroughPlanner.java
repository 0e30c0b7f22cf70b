package io.github.vbios.plan;

import io.github.vbios.acpi.AcpiPath;
import io.github.vbios.acpi.SsdtManifest;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.ShadowCopy;
import io.github.vbios.vm.FwCfgEntry;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.RootPort;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the {@link PassthroughPlan} for one GPU on one host: its functions, subsystem IDs
 * (sysfs or {@code --subsystem}), romfile, the tables of {@code vbios ssdt} (read from their
 * manifest), one root port, and the guest ACPI path from {@link AcpiPath} (the same derivation
 * {@code vbios ssdt} uses, so both commands agree).
 */
public final class PassthroughPlanner {
    /** 00:1c.x is free in QEMU, libvirt and Proxmox q35 layouts (Proxmox puts hostpci0 there). */
    static final int DEFAULT_SLOT = 0x1c;
    /** pc machines: slots 0x10-0x1f are free in QEMU's and virt-manager's i440fx layouts. */
    static final int DEFAULT_PC_SLOT = 0x10;
    private static final int[] PC_SLOT_ORDER = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a,
        0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x03, 0x04, 0x05, 0x06, 0x07};
    private static final int[] SLOT_ORDER = {0x1c, 0x1d, 0x1e, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11,
        0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b};

    private PassthroughPlanner() {
    }

    public static PassthroughPlan plan(HostSnapshot host, PlanRequest request) throws IOException {
        PlanRequest req = request.target() == VmTarget.PROXMOX ? ProxmoxPlanning.resolve(request) : request;
        PciDevice gpu = host.device(req.device()).orElseThrow(() -> new VbiosException(VbiosException.Kind.NOT_FOUND,
                "no PCI device " + req.device() + " on this host (lspci -D lists the addresses; "
                        + "--host-root reads a saved tree)"));
        List<Finding> notes = new ArrayList<>();
        if (!gpu.isDisplay()) {
            notes.add(PlanCode.DEVICE_NOT_DISPLAY.note(gpu.address() + " is not a display controller (class "
                    + String.format(Locale.ROOT, "%06x", gpu.classCode() & 0xFFFFFF) + ")"));
        }
        Optional<SsdtManifest> manifest = req.ssdtDir() == null ? Optional.empty()
                : Optional.of(SsdtManifest.read(req.ssdtDir()));
        Location where = location(req, gpu.address().toString(), manifest, notes);
        AcpiPath path = where.path(req);
        if (manifest.isPresent()) {
            refuseOtherPath(req, manifest.get(), path, where);
        }
        List<GuestFunction> fns = functions(host, gpu, req, notes);
        RootPort rp = where.rootBus() ? RootPort.onRootBus(where.slot(), fns)
                : new RootPort("vbios-rp" + where.index(), where.index(), where.chassis(), where.port(), where.slot(),
                where.function(), req.hotplugOff(), fns);
        List<String> tables = new ArrayList<>();
        FwCfgEntry fw = null;
        if (manifest.isPresent()) {
            Path dir = req.ssdtDir().toAbsolutePath().normalize();
            manifest.get().tables().forEach(t -> tables.add(dir.resolve(t).toString()));
            SsdtManifest.FwCfg f = manifest.get().fwCfg();
            fw = f == null ? null : new FwCfgEntry(f.name(), dir.resolve(f.file()).toString());
        } else if (gpu.is3dController()) {
            notes.add(PlanCode.ROM_TABLE_NEEDED.note("a 3D controller (muxless dGPU) needs the _ROM table: vbios ssdt --rom ROM --path '" + path
                    + "' -o ssdt/ and then --ssdt ssdt/"));
        }
        if (req.romfile() == null && gpu.bootVga()) {
            notes.add(PlanCode.BOOT_VGA_WITHOUT_ROMFILE.note("the GPU is the host's boot VGA: without --romfile the guest sees "
                    + "the ROM the host shadowed at boot; pass a clean romfile (vbios extract / vbios patch)"));
        }
        if (req.target() == VmTarget.PROXMOX) {
            ProxmoxPlanning.notes(req, notes);
        }
        if (req.target() == VmTarget.LIBVIRT) {
            libvirtNotes(req, tables, fw, rp, notes);
            firmwareNotes(req.domain(), req.switchToUefi(), notes);
        }
        return new PassthroughPlan(req.machine(), req.ovmfCode(), req.ovmfVars(), List.of(rp), tables, fw,
                path.toString(), req.proxmoxIndex(), notes);
    }

    /**
     * Tables made for another path would put {@code _ROM} on a node that is not the GPU's (auto
     * placement even creates a phantom device there) and the guest shows no error: refuse them.
     */
    private static void refuseOtherPath(PlanRequest req, SsdtManifest m, AcpiPath path, Location where) {
        if (AcpiPath.parse(m.acpiPath()).equals(path)) {
            return;
        }
        String why = switch (req.target()) {
            case PROXMOX -> "Proxmox puts hostpci" + req.proxmoxIndex() + " (pcie=1) at " + path;
            case LIBVIRT -> req.domain() == null ? "this plan puts the GPU at " + path
                    : String.format(Locale.ROOT, "in this domain the GPU goes %s 00:%02x.%x, so its path is %s (the "
                    + "tables' slot is taken, or the GPU is already placed there, or the machine type needs another "
                    + "form)", where.rootBus() ? "into slot" : "behind a root port at", where.slot(), where.function(),
                    path);
            case QEMU -> "this plan puts the GPU at " + path;
        };
        String rom = req.romfile() == null ? "ROM" : QemuArgs.shellQuote(req.romfile().toString());
        throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the tables in " + req.ssdtDir() + " were made for "
                + m.acpiPath() + " but " + why + ": regenerate them with vbios ssdt --rom " + rom + " --path '" + path
                + "' -o " + QemuArgs.shellQuote(req.ssdtDir().toString()) + " --force, then run vbios vm again");
    }

    private static List<GuestFunction> functions(HostSnapshot host, PciDevice gpu, PlanRequest req, List<Finding> notes)
            throws IOException {
        int subVendor = -1;
        int subDevice = -1;
        if (req.subsystem() != null) {
            subVendor = req.subsystem().vendorId();
            subDevice = req.subsystem().deviceId();
        } else if (gpu.hasValidSubsystem()) {
            subVendor = gpu.subsystemVendorId();
            subDevice = gpu.subsystemDeviceId();
        } else {
            notes.add(PlanCode.SUBSYSTEM_UNREADABLE.note("subsystem IDs read as " + Hex.id16(gpu.subsystemVendorId()) + ":"
                    + Hex.id16(gpu.subsystemDeviceId()) + " (device asleep or no driver ran): left out; pass --subsystem VVVV:DDDD"));
        }
        String rom = null;
        if (req.romfile() != null) {
            try {
                InputFiles.requireRegular(req.romfile());
            } catch (NoSuchFileException e) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, req.romfile() + ": no such file");
            }
            rom = req.romfile().toAbsolutePath().normalize().toString();
            checkRomfile(req.romfile(), gpu, notes);
        }
        List<GuestFunction> fns = new ArrayList<>();
        fns.add(new GuestFunction(gpu.address().toString(), 0, subVendor, subDevice, rom, "vbios-gpu", gpu.vendorId(),
                gpu.deviceId()));
        if (!req.gpuOnly()) {
            for (PciDevice s : host.siblings(gpu.address())) {
                fns.add(new GuestFunction(s.address().toString(), s.address().function(), -1, -1, null,
                        "vbios-fn" + s.address().function(), s.vendorId(), s.deviceId()));
            }
        }
        return fns;
    }

    /**
     * The romfile must be an option ROM; a file that is not exactly the PCI view, a shadow copy or
     * a ROM for another device is worth a note (QEMU never patches the IDs of a user romfile,
     * rom-format.md 1.9.5).
     */
    private static void checkRomfile(Path file, PciDevice gpu, List<Finding> notes) throws IOException {
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.readFile(file, 64L << 20));
        if (!a.isOptionRom()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + ": " + a.notARomReason());
        }
        // patch refuses shadow copies and damaged dumps: their own notes below say what to do instead
        if (!a.verdict().romfileReady() && !a.verdict().shadowCopySuspect() && !a.verdict().efiDamaged()) {
            notes.add(PlanCode.ROMFILE_NOT_CLEAN.note(file + " is not exactly the PCI view QEMU needs: run vbios patch " + file + " -o clean.rom"));
        }
        if (a.verdict().shadowCopySuspect()) {
            notes.add(Finding.warning(RomCode.SHADOW_COPY, -1, file + " looks like a boot GPU's shadow copy: it lacks the EFI "
                    + "image the card's flash probably holds; way out: " + ShadowCopy.wayOutLine(null)));
        }
        if (a.verdict().efiDamaged()) {
            notes.add(Finding.warning(RomCode.EFI_DAMAGED, -1, file + ": " + a.verdict().advice()));
        }
        int v = a.pciImages().get(0).vendorId();
        int d = a.pciImages().get(0).deviceId();
        if (gpu.vendorId() >= 0 && (v != gpu.vendorId() || d != gpu.deviceId())) {
            notes.add(PlanCode.ROMFILE_IDS_DIFFER.note(file + " is a ROM for " + Hex.id16(v) + ":" + Hex.id16(d) + " but the GPU is "
                    + Hex.id16(gpu.vendorId()) + ":" + Hex.id16(gpu.deviceId())
                    + " (SeaBIOS runs only a matching legacy image; check you have the right file)"));
        }
    }

    /**
     * Where the GPU goes in the guest: behind a root port at {@code slot.function} of pcie.0, or,
     * on a pc (i440fx) machine, directly in {@code slot} of pci.0 (no PCIe root ports there).
     */
    private record Location(int slot, int function, int index, int chassis, int port, boolean rootBus) {
        AcpiPath path(PlanRequest req) {
            if (req.target() == VmTarget.PROXMOX) {
                return AcpiPath.fromProxmoxHostpci(req.proxmoxIndex());
            }
            String at = String.format(Locale.ROOT, "00:%02x.%x", slot, function);
            return rootBus ? AcpiPath.fromGuestAddress(at, List.of()) : AcpiPath.fromGuestAddress("01:00.0", List.of(at));
        }
    }

    /**
     * Where the manifest's path says (so existing tables stay valid), else 00:1c.0; for libvirt
     * where the GPU already sits in the domain (patching twice moves nothing), else a slot and
     * index the domain does not use yet.
     */
    private static Location location(PlanRequest req, String gpuAddress, Optional<SsdtManifest> manifest,
                                     List<Finding> notes) {
        if (req.target() == VmTarget.PROXMOX) {
            int devfn = devfn(AcpiPath.fromProxmoxHostpci(req.proxmoxIndex()).segments().get(2));
            int n = req.proxmoxIndex() + 1;
            return new Location(devfn >> 3, devfn & 7, n, n, n, false);
        }
        LibvirtDomain d = req.domain() != null && req.domain().usable() ? req.domain() : null;
        boolean pc = d != null ? d.pc() : isPcMachine(req.machine());
        List<String> segs = manifest.map(m -> AcpiPath.parse(m.acpiPath()).segments()).orElse(List.of());
        Optional<Integer> wanted = Optional.empty();
        if (segs.size() == (pc ? 3 : 4) && segs.get(1).equals("PCI0") && (pc || segs.get(3).equals("S00_"))) {
            wanted = Optional.of(devfn(segs.get(2))).filter(x -> x >= 0 && (!pc || (x & 7) == 0));
        }
        int slot = wanted.map(w -> w >> 3).orElse(pc ? DEFAULT_PC_SLOT : DEFAULT_SLOT);
        int fn = wanted.map(w -> w & 7).orElse(0);
        if (d == null) {
            return new Location(slot, fn, pc ? 0 : 1, 1, 0x11, pc);
        }
        Optional<LibvirtDomain.Placement> placed = d.placementOf(gpuAddress);
        if (placed.isPresent()) {
            LibvirtDomain.Placement p = placed.get();
            return p.controllerIndex() == 0 ? new Location(p.slot(), 0, 0, 0, 0, true)
                    : new Location(p.slot(), p.function(), p.controllerIndex(), p.chassis(), p.port(), false);
        }
        if (d.rootBusSlots().contains(slot)) {
            int taken = slot;
            int[] order = pc ? PC_SLOT_ORDER : SLOT_ORDER;
            slot = Arrays.stream(order).filter(x -> !d.rootBusSlots().contains(x)).findFirst()
                    .orElseThrow(() -> new VbiosException(VbiosException.Kind.INVALID_INPUT, "no free slot on "
                            + d.rootBusName() + " in the domain for the GPU" + (pc ? "" : "'s root port")
                            + ": remove a device from " + d.rootBusName() + " (virsh edit VM) and run vbios vm again"));
            fn = 0;
            notes.add(PlanCode.SLOT_TAKEN.note(String.format(Locale.ROOT, "slot 00:%02x is taken in the domain; the GPU%s goes to 00:%02x",
                    taken, pc ? "" : "'s root port", slot)));
        }
        if (pc) {
            return new Location(slot, 0, 0, 0, 0, true);
        }
        int index = d.controllerIndexes().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        return new Location(slot, fn, index, d.maxChassis() + 1, Math.max(d.maxPort(), 0x10) + 1, false);
    }

    /** {@code pc}, {@code pc-i440fx-8.2}: the conventional-PCI machine. */
    static boolean isPcMachine(String machine) {
        return machine != null && machine.startsWith("pc") && !machine.contains("q35");
    }

    /** An existing guest's firmware stays as it is unless asked; say what that means for the plan. */
    private static void firmwareNotes(LibvirtDomain d, boolean switchToUefi, List<Finding> notes) {
        if (d == null || !d.usable()) {
            return;
        }
        if (!d.uefi()) {
            notes.add(switchToUefi ? PlanCode.SWITCHED_TO_UEFI.note("the domain booted with BIOS (SeaBIOS) and is switched to "
                    + "UEFI (--switch-to-uefi): an installed BIOS guest no longer boots until its disk is converted (e.g. mbr2gpt)")
                    : PlanCode.STAYS_SEABIOS.note("the domain boots with BIOS (SeaBIOS) and stays so: the ACPI tables and fw_cfg "
                    + "work under SeaBIOS as under OVMF; pass --switch-to-uefi to change it (an installed BIOS guest would not boot)"));
        }
        if (!d.acpi()) {
            notes.add(PlanCode.ACPI_ADDED.note("the domain had no <features><acpi/>: added, the tables need ACPI"));
        }
    }

    /** {@code S08_} -> 0x08; -1 when the segment is not QEMU's {@code Sxx} form. */
    private static int devfn(String segment) {
        if (segment.length() < 3 || segment.charAt(0) != 'S') {
            return -1;
        }
        try {
            return Integer.parseInt(segment.substring(1, 3), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void libvirtNotes(PlanRequest req, List<String> tables, FwCfgEntry fw, RootPort rp,
                                     List<Finding> notes) {
        List<String> files = new ArrayList<>(tables);
        if (fw != null) {
            files.add(fw.file());
        }
        rp.functions().stream().map(GuestFunction::romfile).filter(r -> r != null).forEach(files::add);
        if (files.stream().anyMatch(f -> !f.startsWith("/var/lib/libvirt/"))) {
            notes.add(PlanCode.PATH_OUTSIDE_LIBVIRT.note("libvirt's qemu user (AppArmor/SELinux) may not read files outside /var/lib/libvirt/: "
                    + "copy the romfile and tables there and run vbios vm again with those paths"));
        }
        if (req.domain() == null) {
            notes.add(PlanCode.SLOT_GUESSED.note((rp.rootBus() ? "slot 00:" + String.format(Locale.ROOT, "%02x", rp.slot()) + " of pci.0 is a guess"
                    : "controller index " + rp.index() + " and slot 00:" + String.format(Locale.ROOT, "%02x", rp.slot())
                    + " are guesses") + ": pass --domain <(virsh dumpxml VM) to pick free ones and get the patched domain"));
        }
    }
}
