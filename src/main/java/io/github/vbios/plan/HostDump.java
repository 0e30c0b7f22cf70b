package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.host.RomAccess;
import io.github.vbios.host.RomDumper;
import io.github.vbios.host.RomRead;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.ShadowCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code vbios dump}: reads a device ROM through a {@link RomAccess} (sysfs or ACPI {@code _ROM}),
 * validates it with the rom room, and explains the classic failures (issue 7; rom-format.md 1.9.6;
 * acpi-vm.md 4 #11).
 */
public final class HostDump {
    /** GPU drivers that keep the device (and may keep its ROM) while bound. */
    private static final Set<String> GPU_DRIVERS = Set.of("nvidia", "nouveau", "amdgpu", "radeon", "i915", "xe");

    private HostDump() {
    }

    /** {@code viaAcpi}: the access reads the host's ACPI {@code _ROM}, so no ROM BAR is needed. A shadow copy is refused. */
    public static DumpReport dump(HostSnapshot host, PciAddress address, RomAccess access, boolean viaAcpi) {
        return dump(host, address, access, viaAcpi, false);
    }

    /** {@code allowShadow}: keep a shadow copy's PCI view to write anyway ({@code --allow-shadow}; issue 15). */
    public static DumpReport dump(HostSnapshot host, PciAddress address, RomAccess access, boolean viaAcpi,
                                  boolean allowShadow) {
        PciDevice dev = host.device(address).orElseThrow(() -> new VbiosException(VbiosException.Kind.NOT_FOUND,
                "no PCI device " + address + " on this host (lspci -D lists the addresses)"));
        String at = address.toString();
        List<String> why = new ArrayList<>();
        List<String> next = new ArrayList<>();
        if (!viaAcpi && !dev.romPresent()) {
            why.add("no ROM BAR (no rom attribute in sysfs)"
                    + (dev.is3dController() ? ": usual for a laptop's muxless dGPU, whose VBIOS lives in the system firmware" : ""));
            alternatives(dev, next);
            return new DumpReport(at, DumpOutcome.NO_ROM_BAR, null, null, null, why, next);
        }
        RomRead read = RomDumper.dump(access);
        if (read.disableFailed()) {
            why.add("the ROM could not be disabled again; run: echo 0 | sudo tee /sys/bus/pci/devices/" + at + "/rom");
        }
        if (read.failure() == RomRead.Failure.PERMISSION) {
            why.add("permission denied: reading a ROM needs root");
            next.add("sudo vbios dump " + at + " -o gpu.rom");
            return new DumpReport(at, DumpOutcome.PERMISSION, read, null, null, why, next);
        }
        if (!read.ok() || read.allOnesSignature() || read.bytes().length < 2) {
            return viaAcpi ? acpiFailed(dev, read, why, next) : unreadable(dev, read, why, next);
        }
        return validate(dev, read, why, next, allowShadow);
    }

    private static DumpReport unreadable(PciDevice dev, RomRead read, List<String> why, List<String> next) {
        String at = dev.address().toString();
        if (!read.ok()) {
            why.add("reading the ROM failed (" + read.detail() + "): the kernel found no valid ROM behind the BAR, "
                    + "dmesg says 'Invalid PCI ROM header signature: expecting 0xaa55, got 0xffff'");
        } else if (read.allOnesSignature()) {
            why.add("the ROM reads as 0xFFFF at offset 0: nothing answers behind the ROM BAR");
        } else {
            why.add("the ROM read returned " + read.bytes().length + " bytes");
        }
        why.add("the ROM BAR is disabled or locked by the firmware (typical on laptops), or the device is powered down"
                + (dev.powerState() == null ? "" : " (power state " + dev.powerState() + ")"));
        if (dev.driver() != null && GPU_DRIVERS.contains(dev.driver())) {
            why.add("the " + dev.driver() + " driver holds the device; it may have hidden the ROM");
            next.add("bind it to vfio-pci (or unload " + dev.driver() + ") and retry: sudo vbios dump " + at + " -o gpu.rom");
        }
        alternatives(dev, next);
        return new DumpReport(at, DumpOutcome.UNREADABLE, read, null, null, why, next);
    }

    private static DumpReport acpiFailed(PciDevice dev, RomRead read, List<String> why, List<String> next) {
        String detail = read.ok() ? "it returned " + read.bytes().length + " bytes without 55 AA" : read.detail();
        why.add("calling " + dev.acpiPath() + "._ROM failed: " + detail);
        if (read.failure() == RomRead.Failure.ACPI_CALL_MISSING) {
            next.add("sudo modprobe acpi_call && sudo vbios dump " + dev.address() + " --acpi -o gpu.rom");
        } else if (read.failure() == RomRead.Failure.ACPI_NOT_FOUND) {
            why.add("this ACPI node has no _ROM method; the VBIOS may sit under another node (see the DSDT/SSDTs: "
                    + "sudo acpidump -b && iasl -d *.dat, search for _ROM)");
        }
        next.add("vbios extract <the laptop vendor's BIOS update> -o vbios-out/");
        return new DumpReport(dev.address().toString(), DumpOutcome.UNREADABLE, read, null, null, why, next);
    }

    private static DumpReport validate(PciDevice dev, RomRead read, List<String> why, List<String> next,
                                       boolean allowShadow) {
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(read.bytes()));
        if (!a.isOptionRom()) {
            why.add(a.notARomReason());
            alternatives(dev, next);
            return new DumpReport(dev.address().toString(), DumpOutcome.NOT_A_ROM, read, a, null, why, next);
        }
        byte[] view = ByteSlice.of(read.bytes()).slice(a.pciView().start(), a.pciView().length()).toArray();
        boolean shadow = a.verdict().shadowCopySuspect();
        if (shadow) {
            why.add("this is " + a.verdict().shadow().sentence() + (dev.bootVga() ? "; the device is the boot VGA" : "")
                    + (allowShadow ? "; written anyway (--allow-shadow): do not expect UEFI to work with it"
                    : "; nothing was written (--allow-shadow keeps it anyway)"));
            next.addAll(ShadowCopy.wayOut(ids(dev)));
        }
        // the shadow sentence above already says what the verdict's shadow warning says
        a.verdict().problems().stream().filter(w -> !shadow || !w.is(RomCode.SHADOW_COPY))
                .forEach(w -> why.add(w.message()));
        return new DumpReport(dev.address().toString(), shadow ? DumpOutcome.SHADOW_COPY : DumpOutcome.OK, read, a,
                shadow && !allowShadow ? null : view, why, next);
    }

    /** "vvvv:dddd subsystem ssss:ssss" of the device, for the way out (the IDs to look for). */
    static String ids(PciDevice dev) {
        String ids = Hex.id16(dev.vendorId()) + ":" + Hex.id16(dev.deviceId());
        return dev.hasValidSubsystem() ? ids + " subsystem " + Hex.id16(dev.subsystemVendorId()) + ":"
                + Hex.id16(dev.subsystemDeviceId()) : ids + " and the card's subsystem IDs";
    }

    private static void alternatives(PciDevice dev, List<String> next) {
        next.add("vbios extract <the laptop or card vendor's BIOS update> -o vbios-out/");
        next.add("vbios extract <a Windows registry export (.reg) of the display adapter key> -o vbios-out/");
        if (dev.acpiPath() != null) {
            next.add("the ACPI _ROM route (laptops): sudo modprobe acpi_call && sudo vbios dump " + dev.address()
                    + " --acpi -o gpu.rom   (reads " + dev.acpiPath() + "._ROM)");
        }
    }
}
