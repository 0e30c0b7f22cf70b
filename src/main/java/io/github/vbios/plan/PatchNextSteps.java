package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.X86Header;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to do with a romfile {@code vbios patch} just wrote (issue 15): where it goes for Proxmox,
 * libvirt and plain QEMU, and whether the ROM is for the GPU it will be given to.
 *
 * @param stacks one entry per stack, in the order people ask for them
 * @param device the ROM-vs-GPU check, or null when no GPU was named and none could be picked
 */
public record PatchNextSteps(List<Stack> stacks, DeviceMatch device) {
    /** Where libvirt's qemu user (AppArmor/SELinux) may read it, as {@code vbios vm libvirt} suggests. */
    public static final String LIBVIRT_DIR = "/var/lib/libvirt/vbios";
    /** Proxmox takes {@code romfile=NAME} relative to this folder. */
    public static final String PROXMOX_DIR = "/usr/share/kvm";
    static final String PLACEHOLDER = "0000:01:00.0";

    public PatchNextSteps {
        stacks = List.copyOf(stacks);
    }

    /** @param lines commands and config lines, in order */
    public record Stack(String name, List<String> lines) {
        public Stack {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The romfile's IDs against a GPU of the host.
     *
     * @param named the user named the GPU ({@code --device}); otherwise it was the only GPU of the ROM's vendor
     * @param subsystemMatches null when the ROM carries no subsystem IDs (Pascal and later) or the GPU shows none
     */
    public record DeviceMatch(String address, boolean named, String gpuIds, String gpuSubsystem, String romIds,
                              String romSubsystem, boolean idsMatch, Boolean subsystemMatches) {
        /** A named GPU whose vendor:device differs from the ROM's: patch writes nothing (exit 3). */
        public boolean refused() {
            return named && !idsMatch;
        }

        public String message() {
            if (!idsMatch) {
                return "the romfile is for " + romIds + ", but the GPU at " + address + " is " + gpuIds
                        + (named ? "" : " (the only GPU of that vendor on this host)")
                        + ": the guest driver would reject it or misprogram the card; get the ROM for this card "
                        + "(TechPowerUp's VGA BIOS collection or the vendor, matching " + gpuIds
                        + (gpuSubsystem == null ? "" : " subsystem " + gpuSubsystem) + ")";
            }
            if (Boolean.FALSE.equals(subsystemMatches)) {
                return "the romfile's subsystem IDs " + romSubsystem + " differ from the GPU at " + address + " ("
                        + gpuSubsystem + "): a ROM for another board of the same chip; clocks, outputs and power "
                        + "limits may not fit this card";
            }
            return "the romfile's IDs " + romIds + (Boolean.TRUE.equals(subsystemMatches) ? " and subsystem "
                    + romSubsystem : "") + " match the GPU at " + address;
        }
    }

    /**
     * @param output the romfile written
     * @param romfile its analysis
     * @param host the host (the injectable root), or empty when it could not be read
     * @param deviceArg {@code --device BDF}, or null
     * @throws VbiosException USAGE for a malformed BDF, NOT_FOUND when the named device is not on the host
     */
    public static PatchNextSteps of(Path output, RomAnalysis romfile, Optional<HostSnapshot> host, String deviceArg) {
        DeviceMatch match = gpu(romfile, host, deviceArg).map(g -> match(romfile, g, deviceArg != null)).orElse(null);
        String bdf = match != null ? match.address() : PLACEHOLDER;
        return new PatchNextSteps(stacks(output, bdf, match == null), match);
    }

    private static Optional<PciDevice> gpu(RomAnalysis romfile, Optional<HostSnapshot> host, String deviceArg) {
        if (deviceArg != null) {
            PciAddress a = PciAddress.parse(deviceArg).orElseThrow(() -> new VbiosException(VbiosException.Kind.USAGE,
                    "--device '" + deviceArg + "' is not a PCI address like 0000:01:00.0"));
            return Optional.of(host.flatMap(h -> h.device(a)).orElseThrow(() -> new VbiosException(
                    VbiosException.Kind.NOT_FOUND, "no PCI device " + a + " on this host (lspci -D lists the addresses)")));
        }
        int vendor = romfile.identity().vendorId();
        List<PciDevice> same = host.map(h -> h.gpus().stream().filter(g -> g.vendorId() == vendor).toList())
                .orElse(List.of());
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }

    private static DeviceMatch match(RomAnalysis romfile, PciDevice gpu, boolean named) {
        RomImage first = romfile.pciImages().stream().filter(RomImage::isX86).findFirst()
                .orElse(romfile.pciImages().get(0));
        String romIds = Hex.id16(first.vendorId()) + ":" + Hex.id16(first.deviceId());
        String gpuIds = Hex.id16(gpu.vendorId()) + ":" + Hex.id16(gpu.deviceId());
        // x86 +0x54 holds subsystem IDs only on Kepler/Maxwell NVIDIA ROMs (rom-format.md 1.2)
        Optional<X86Header> h = first.x86Header().filter(x -> !x.pmid() && x.subsystemVendorId() > 0
                && first.vendorId() == 0x10DE);
        String romSub = h.map(x -> Hex.id16(x.subsystemVendorId()) + ":" + Hex.id16(x.subsystemDeviceId())).orElse(null);
        String gpuSub = gpu.hasValidSubsystem()
                ? Hex.id16(gpu.subsystemVendorId()) + ":" + Hex.id16(gpu.subsystemDeviceId()) : null;
        Boolean subMatch = romSub == null || gpuSub == null ? null : romSub.equals(gpuSub);
        return new DeviceMatch(gpu.address().toString(), named, gpuIds, gpuSub, romIds, romSub, romIds.equals(gpuIds),
                subMatch);
    }

    private static List<Stack> stacks(Path output, String bdf, boolean placeholder) {
        String name = output.getFileName() == null ? "gpu.rom" : output.getFileName().toString();
        String abs = output.toAbsolutePath().normalize().toString();
        String q = shellQuote(output.toString());
        String gpu = bdf + (placeholder ? " (your GPU's address: lspci -D)" : "");
        return List.of(
                new Stack("proxmox", List.of(
                        "sudo cp " + q + " " + PROXMOX_DIR + "/" + name,
                        "in /etc/pve/qemu-server/VMID.conf: hostpci0: " + bdf + ",pcie=1,romfile=" + name
                                + "   (GPU " + gpu + "; N of hostpciN is any free slot)",
                        "or: qm set VMID -hostpci0 " + bdf + ",pcie=1,romfile=" + name)),
                new Stack("libvirt", List.of(
                        "sudo install -D -m 0644 " + q + " " + LIBVIRT_DIR + "/" + name
                                + "   (a place the qemu user may read under AppArmor/SELinux)",
                        "virsh edit VM, inside the <hostdev> of " + gpu + ": <rom file='" + LIBVIRT_DIR + "/" + name + "'/>")),
                new Stack("qemu", List.of(
                        "-device vfio-pci,host=" + bdf + ",romfile=" + abs + "   (the file must be readable by the "
                                + "user QEMU runs as)")),
                new Stack("vbios vm", List.of(
                        "whole configs: vbios vm proxmox|libvirt|qemu --device " + bdf + " --romfile " + q)));
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
