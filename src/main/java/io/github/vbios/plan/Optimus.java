package io.github.vbios.plan;

import io.github.vbios.acpi.AcpiCode;
import io.github.vbios.acpi.AcpiPath;
import io.github.vbios.acpi.RomInput;
import io.github.vbios.acpi.SsdtBuilder;
import io.github.vbios.acpi.SsdtOptions;
import io.github.vbios.acpi.SsdtSet;
import io.github.vbios.acpi.SsdtWriter;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.ShadowCopy;
import io.github.vbios.rom.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code vbios optimus} (issue 8): from a BIOS update, firmware image, GPU dump, clean ROM or
 * {@code .reg} export to everything a muxless Optimus dGPU needs in a VM: the clean romfile, the
 * {@code _ROM} + battery SSDTs, QEMU/libvirt/Proxmox configuration and NEXT-STEPS.md. Combines
 * the rooms; writes only into the output folder, through {@link OutputFolder}.
 */
public final class Optimus {
    /** Largest input read (a BIOS update with its installer fits easily). */
    static final long MAX_INPUT = 1L << 30;
    /** Where the GPU goes in the guest: 01:00.0 behind a root port at 00:1c.0 (acpi-vm.md 1.2, vm room). */
    static final String GUEST_ADDRESS = "01:00.0";
    static final String ROOT_PORT = "00:1c.0";
    static final String SSDT_DIR = "ssdt";

    /** The dGPU as the host (or the tree under --host-root) shows it. */
    public record HostGpu(HostSnapshot snapshot, PciDevice device) {
    }

    private Optimus() {
    }

    public static OptimusResult run(OptimusRequest req, ExternalTools tools) throws IOException {
        ByteSlice data = InputFiles.slice(req.input(), MAX_INPUT);
        OptimusSource.Found found = OptimusSource.read(data, req.input().getFileName().toString(), tools);
        List<Finding> notes = new ArrayList<>(found.notes());
        Optional<HostGpu> host = hostDevice(req, notes);
        List<OptimusCandidate> pool = OptimusSelection.pool(found, req.ids());
        OptimusSelection sel = OptimusSelection.choose(found, req.ids(), req.pick(),
                host.map(HostGpu::device).orElse(null));
        notes.addAll(sel.warnings());
        String hostAddress = host.map(h -> h.device().address().toString())
                .orElse(req.device() != null ? req.device() : "0000:01:00.0");
        AcpiPath path = AcpiPath.fromGuestAddress(GUEST_ADDRESS, List.of(ROOT_PORT));
        if (sel.chosen() == null) {
            return new OptimusResult(found.inputKind(), pool, sel, path.toString(), null, hostAddress,
                    host.isPresent(), List.of(), notes);
        }
        return write(req, pool, found, sel, host, hostAddress, path, notes);
    }

    private static OptimusResult write(OptimusRequest req, List<OptimusCandidate> pool, OptimusSource.Found found,
                                       OptimusSelection sel,
                                       Optional<HostGpu> host, String hostAddress, AcpiPath path,
                                       List<Finding> notes) throws IOException {
        OptimusCandidate c = sel.chosen();
        byte[] rom = c.rom().pciView().toArray();
        Verdict verdict = RomAnalyzer.analyze(ByteSlice.of(rom)).verdict();
        // the same shadow-copy story as info, patch, dump and doctor (issue 15)
        String shadow = verdict.shadowCopy().map(s -> "the chosen ROM (" + c.ids() + ") is " + s.sentence()
                + "; way out: " + ShadowCopy.wayOutLine(null)).orElse(null);
        if (!verdict.romfileReady()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, shadow != null ? shadow
                    : "the chosen ROM (" + c.ids() + ") is not a clean romfile after cutting its PCI view; try: vbios patch");
        }
        if (shadow != null) {
            notes.add(Finding.warning(RomCode.SHADOW_COPY, -1, shadow));
        }
        try (OutputFolder out = OutputFolder.begin(req.outDir(), req.force(), Inputs.of(req.input()))) {
            OptimusResult r = write(req, pool, found, sel, host, hostAddress, path, notes, c, rom, out);
            out.commit();
            return r;
        }
    }

    /**
     * Writes every artefact into {@code out} (staged until the caller commits). The configs are
     * planned from the staged romfile and tables and then moved, as paths, to where
     * {@code out} puts them.
     */
    private static OptimusResult write(OptimusRequest req, List<OptimusCandidate> pool, OptimusSource.Found found,
                                       OptimusSelection sel, Optional<HostGpu> host, String hostAddress, AcpiPath path,
                                       List<Finding> notes, OptimusCandidate c, byte[] rom, OutputFolder out) throws IOException {
        List<OptimusResult.Artefact> artefacts = new ArrayList<>();
        String romName = "vbios_" + Hex.id16(c.rom().vendorId()) + "_" + Hex.id16(c.rom().deviceId()) + ".rom";
        out.write(romName, rom);
        artefacts.add(new OptimusResult.Artefact(romName, "romfile", "clean romfile (PCI view, " + rom.length
                + " bytes, sha256 " + c.rom().sha256() + ") for the vfio-pci device"));

        SsdtOptions opts = SsdtOptions.defaults(path);
        if (req.mode() != null) {
            opts = opts.withMode(req.mode());
        }
        // _ROM stands in for the card's flash: the NVIDIA view (layout A: past the PCI view), issue 16
        byte[] served = c.rom().nvidiaView().toArray();
        notes.addAll(servedViewNotes(c, served.length));
        SsdtSet set = SsdtBuilder.build(served, opts);
        OutputFolder ssdt = out.folder(SSDT_DIR);
        for (Path p : SsdtWriter.write(set, served, ssdt)) {
            artefacts.add(OptimusConfigs.ssdtArtefact(SSDT_DIR + "/" + p.getFileName()));
        }
        OptimusConfigs.Rendered vm = OptimusConfigs.render(host, hostAddress, out.staged().resolve(romName),
                ssdt.staged(), c, notes, new OptimusConfigs.Move(out.staged(), out.root()));
        artefacts.addAll(OptimusConfigs.write(vm, out));
        OptimusResult result = new OptimusResult(found.inputKind(), pool, sel, path.toString(),
                set.mode().id(), hostAddress, host.isPresent(), artefacts, notes);
        out.writeString(NextSteps.FILE, NextSteps.render(result, vm));
        List<OptimusResult.Artefact> all = new ArrayList<>(artefacts);
        all.add(new OptimusResult.Artefact(NextSteps.FILE, "guide", "what each file is, where it goes, what to check"));
        return new OptimusResult(result.inputKind(), result.candidates(), sel, result.acpiPath(), result.ssdtMode(),
                hostAddress, host.isPresent(), all, notes);
    }

    /** What the tables serve, when it is not simply the romfile: the NVIDIA view, or a warning that it is missing. */
    static List<Finding> servedViewNotes(OptimusCandidate c, int servedLength) {
        if (c.rom().nvidiaViewLonger()) {
            return List.of(Finding.info(AcpiCode.NVIDIA_VIEW_SERVED, -1, "[" + AcpiCode.NVIDIA_VIEW_SERVED.id() + "] the _ROM tables serve the "
                    + "NVIDIA view (" + servedLength + " bytes: the romfile plus the NVIDIA-only images after it), "
                    + "what the card's flash gives the driver; the romfile stays the PCI view"));
        }
        var a = RomAnalyzer.analyze(c.rom().pciView());
        if (RomInput.nvidiaImagesMissing(a, c.rom().pciView().length())) {
            return List.of(Finding.warning(AcpiCode.NVIDIA_IMAGES_MISSING, -1, "[" + AcpiCode.NVIDIA_IMAGES_MISSING.id()
                    + "] the input holds only the "
                    + "PCI view of a layout-A NVIDIA ROM: the NVIDIA-only images after the EFI image are missing from "
                    + "the _ROM tables; use a full flash dump (nvflash --save) or the BIOS update that carries the dGPU "
                    + "ROM"));
        }
        return List.of();
    }

    /**
     * The dGPU on this host (or the tree under {@code --host-root}): {@code --device}, else the
     * only NVIDIA display device. Empty when there is none (a laptop image prepared elsewhere).
     */
    static Optional<HostGpu> hostDevice(OptimusRequest req, List<Finding> notes) {
        HostReader reader = req.hostRoot() == null ? HostReader.system() : new HostReader(req.hostRoot());
        HostSnapshot snap = reader.snapshot();
        if (snap.devices().isEmpty() && req.device() == null) {
            notes.add(PlanCode.HOST_UNREADABLE.note("no PCI devices under " + reader.root().resolve("sys/bus/pci/devices")
                    + " (not a Linux host, or no sysfs); configs use a placeholder address"));
            return Optional.empty();
        }
        if (req.device() != null) {
            PciAddress a = PciAddress.parse(req.device()).orElseThrow(() -> new VbiosException(
                    VbiosException.Kind.USAGE, "--device '" + req.device() + "' is not a PCI address like 0000:01:00.0"));
            Optional<PciDevice> d = snap.device(a);
            if (d.isEmpty()) {
                notes.add(PlanCode.DEVICE_NOT_ON_HOST.note("no device " + a
                        + " on this host: the configs use that address, subsystem IDs from the ROM"));
            }
            return d.map(dev -> new HostGpu(snap, dev));
        }
        List<PciDevice> nvidia = snap.gpus().stream().filter(PciDevice::isNvidia).toList();
        if (nvidia.size() > 1) {
            notes.add(PlanCode.SEVERAL_GPUS.note(nvidia.size() + " NVIDIA GPUs on this host: pass --device BDF to choose one"));
        }
        return nvidia.size() == 1 ? Optional.of(new HostGpu(snap, nvidia.get(0))) : Optional.empty();
    }
}
