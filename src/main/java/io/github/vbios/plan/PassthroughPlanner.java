package io.github.vbios.plan;

import io.github.vbios.acpi.AcpiPath;
import io.github.vbios.acpi.SsdtManifest;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.vm.FwCfgEntry;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.RootPort;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final int[] SLOT_ORDER = {0x1c, 0x1d, 0x1e, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11,
        0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b};

    private PassthroughPlanner() {
    }

    public static PassthroughPlan plan(HostSnapshot host, PlanRequest req) throws IOException {
        PciDevice gpu = host.device(req.device()).orElseThrow(() -> new VbiosException(VbiosException.Kind.NOT_FOUND,
                "no PCI device " + req.device() + " on this host (lspci -D lists the addresses; "
                        + "--host-root reads a saved tree)"));
        List<String> notes = new ArrayList<>();
        if (!gpu.isDisplay()) {
            notes.add(gpu.address() + " is not a display controller (class "
                    + String.format(Locale.ROOT, "%06x", gpu.classCode() & 0xFFFFFF) + ")");
        }
        Optional<SsdtManifest> manifest = req.ssdtDir() == null ? Optional.empty()
                : Optional.of(SsdtManifest.read(req.ssdtDir()));
        int[] where = rootPortLocation(req, manifest, notes);
        AcpiPath path = req.target() == VmTarget.PROXMOX ? AcpiPath.fromProxmoxHostpci(req.proxmoxIndex())
                : AcpiPath.fromGuestAddress("01:00.0", List.of(String.format(Locale.ROOT, "00:%02x.%x", where[0], where[1])));
        manifest.filter(m -> !AcpiPath.parse(m.acpiPath()).equals(path)).ifPresent(m -> notes.add("the tables in "
                + req.ssdtDir() + " were made for " + m.acpiPath() + " but this plan puts the GPU at " + path
                + ": regenerate them with vbios ssdt --path '" + path + "'"));
        RootPort rp = new RootPort("vbios-rp" + where[2], where[2], where[3], 0x10 + (where[2] & 0x7f), where[0],
                where[1], req.hotplugOff(), functions(host, gpu, req, notes));
        List<String> tables = new ArrayList<>();
        FwCfgEntry fw = null;
        if (manifest.isPresent()) {
            Path dir = req.ssdtDir().toAbsolutePath().normalize();
            manifest.get().tables().forEach(t -> tables.add(dir.resolve(t).toString()));
            SsdtManifest.FwCfg f = manifest.get().fwCfg();
            fw = f == null ? null : new FwCfgEntry(f.name(), dir.resolve(f.file()).toString());
        } else if (gpu.is3dController()) {
            notes.add("a 3D controller (muxless dGPU) needs the _ROM table: vbios ssdt --rom ROM --path '" + path
                    + "' -o ssdt/ and then --ssdt ssdt/");
        }
        if (req.romfile() == null && gpu.bootVga()) {
            notes.add("the GPU is the host's boot VGA: without --romfile the guest sees the ROM the host shadowed "
                    + "at boot; pass a clean romfile (vbios extract / vbios patch)");
        }
        if (req.target() == VmTarget.LIBVIRT) {
            libvirtNotes(req, tables, fw, rp, notes);
        }
        return new PassthroughPlan(req.machine(), req.ovmfCode(), req.ovmfVars(), List.of(rp), tables, fw,
                path.toString(), req.proxmoxIndex(), notes);
    }

    private static List<GuestFunction> functions(HostSnapshot host, PciDevice gpu, PlanRequest req, List<String> notes)
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
            notes.add("subsystem IDs read as " + Hex.id16(gpu.subsystemVendorId()) + ":" + Hex.id16(gpu.subsystemDeviceId())
                    + " (device asleep or no driver ran): left out; pass --subsystem VVVV:DDDD");
        }
        String rom = null;
        if (req.romfile() != null) {
            if (!Files.isRegularFile(req.romfile())) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, req.romfile() + ": no such file");
            }
            rom = req.romfile().toAbsolutePath().normalize().toString();
            checkRomfile(req.romfile(), gpu, notes);
        }
        List<GuestFunction> fns = new ArrayList<>();
        fns.add(new GuestFunction(gpu.address().toString(), 0, subVendor, subDevice, rom, "vbios-gpu"));
        if (!req.gpuOnly()) {
            for (PciDevice s : host.siblings(gpu.address())) {
                fns.add(new GuestFunction(s.address().toString(), s.address().function(), -1, -1, null,
                        "vbios-fn" + s.address().function()));
            }
        }
        return fns;
    }

    /**
     * The romfile must be an option ROM; a file that is not exactly the PCI view, a shadow copy or
     * a ROM for another device is worth a note (QEMU never patches the IDs of a user romfile,
     * rom-format.md 1.9.5).
     */
    private static void checkRomfile(Path file, PciDevice gpu, List<String> notes) throws IOException {
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.readFile(file, 64L << 20));
        if (!a.isOptionRom()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + ": " + a.notARomReason());
        }
        // patch refuses shadow copies and damaged dumps: their own notes below say what to do instead
        if (!a.verdict().romfileReady() && !a.verdict().shadowCopySuspect() && !a.verdict().efiDamaged()) {
            notes.add(file + " is not exactly the PCI view QEMU needs: run vbios patch " + file + " -o clean.rom");
        }
        if (a.verdict().shadowCopySuspect()) {
            notes.add(file + " looks like a boot GPU's shadow copy: it lacks the EFI image the card's flash probably "
                    + "holds; way out: " + io.github.vbios.rom.ShadowCopy.wayOutLine(null));
        }
        if (a.verdict().efiDamaged()) {
            notes.add(file + ": " + a.verdict().advice());
        }
        int v = a.pciImages().get(0).vendorId();
        int d = a.pciImages().get(0).deviceId();
        if (gpu.vendorId() >= 0 && (v != gpu.vendorId() || d != gpu.deviceId())) {
            notes.add(file + " is a ROM for " + Hex.id16(v) + ":" + Hex.id16(d) + " but the GPU is "
                    + Hex.id16(gpu.vendorId()) + ":" + Hex.id16(gpu.deviceId())
                    + " (SeaBIOS runs only a matching legacy image; check you have the right file)");
        }
    }

    /**
     * {@code [slot, function, controllerIndex, chassis]} of the root port: where the manifest's
     * path says (so existing tables stay valid), else 00:1c.0; for libvirt a slot and index the
     * domain does not use yet.
     */
    private static int[] rootPortLocation(PlanRequest req, Optional<SsdtManifest> manifest, List<String> notes) {
        if (req.target() == VmTarget.PROXMOX) {
            int devfn = devfn(AcpiPath.fromProxmoxHostpci(req.proxmoxIndex()).segments().get(2));
            return new int[] {devfn >> 3, devfn & 7, req.proxmoxIndex() + 1, req.proxmoxIndex() + 1};
        }
        int slot = DEFAULT_SLOT;
        int fn = 0;
        Optional<Integer> wanted = manifest.map(m -> AcpiPath.parse(m.acpiPath()).segments())
                .filter(s -> s.size() == 4 && s.get(1).equals("PCI0") && s.get(3).equals("S00_"))
                .map(s -> devfn(s.get(2))).filter(d -> d >= 0);
        if (wanted.isPresent()) {
            slot = wanted.get() >> 3;
            fn = wanted.get() & 7;
        }
        LibvirtDomain d = req.domain();
        if (d == null || !d.usable()) {
            return new int[] {slot, fn, 1, 1};
        }
        if (d.rootBusSlots().contains(slot)) {
            int taken = slot;
            slot = java.util.Arrays.stream(SLOT_ORDER).filter(s -> !d.rootBusSlots().contains(s)).findFirst()
                    .orElseThrow(() -> new VbiosException(VbiosException.Kind.USAGE, "no free slot on pcie.0"));
            fn = 0;
            notes.add(String.format(Locale.ROOT, "slot 00:%02x is taken in the domain; the root port goes to 00:%02x", taken, slot));
        }
        int index = d.controllerIndexes().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        return new int[] {slot, fn, index, d.maxChassis() + 1};
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
                                     List<String> notes) {
        List<String> files = new ArrayList<>(tables);
        if (fw != null) {
            files.add(fw.file());
        }
        rp.functions().stream().map(GuestFunction::romfile).filter(r -> r != null).forEach(files::add);
        if (files.stream().anyMatch(f -> !f.startsWith("/var/lib/libvirt/"))) {
            notes.add("libvirt's qemu user (AppArmor/SELinux) may not read files outside /var/lib/libvirt/: "
                    + "copy the romfile and tables there and run vbios vm again with those paths");
        }
        if (req.domain() == null) {
            notes.add("controller index " + rp.index() + " and slot 00:" + String.format(Locale.ROOT, "%02x", rp.slot())
                    + " are guesses: pass --domain <(virsh dumpxml VM) to pick free ones and get the patched domain");
        }
    }
}
