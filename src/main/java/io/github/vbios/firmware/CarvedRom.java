package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.FoundRom;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.SubsystemIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One distinct option ROM found by carving: its PCI view (the clean romfile bytes), the rom
 * room's analysis of it, where it was first found and where copies were seen.
 */
public record CarvedRom(String sha256, ByteSlice pciView, FoundRom found, Provenance provenance, List<Provenance> alsoAt,
                        ByteSlice nvidiaView) {
    /** A ROM whose NVIDIA view is its PCI view (layout B, AMD, anything but a layout-A NVIDIA ROM). */
    public CarvedRom(String sha256, ByteSlice pciView, FoundRom found, Provenance provenance, List<Provenance> alsoAt) {
        this(sha256, pciView, found, provenance, alsoAt, pciView);
    }

    /**
     * True when the NVIDIA view runs past the PCI view (layout A, rom-format.md 1.9.4): what the
     * card's flash gives the NVIDIA driver, and {@code _ROM} must serve; the romfile stays the PCI view.
     */
    public boolean nvidiaViewLonger() {
        return nvidiaView.length() > pciView.length();
    }

    public RomAnalysis analysis() {
        return found.analysis();
    }

    /** The first image of the PCI view (it carries the IDs and class the ROM is known by). */
    public RomImage firstImage() {
        return analysis().pciImages().get(0);
    }

    public int vendorId() {
        return firstImage().vendorId();
    }

    public int deviceId() {
        return firstImage().deviceId();
    }

    public int classCode() {
        return firstImage().classCode();
    }

    /** PCI base class 03 (display controller). */
    public boolean isDisplay() {
        return (classCode() >> 16) == 0x03;
    }

    public boolean isNvidia() {
        return vendorId() == 0x10DE;
    }

    /**
     * A display ROM for a dedicated GPU: what {@code extract} counts as found and {@code optimus}
     * offers as a candidate. Intel's display ROMs in system firmware belong to the integrated GPU;
     * every other display vendor (NVIDIA, AMD) is taken as a dGPU. An AMD APU's ROM cannot be told
     * from a discrete Radeon's by vendor and class alone, so it counts as a dGPU too.
     */
    public boolean isDedicatedGpu() {
        return isDisplay() && vendorId() != 0x8086;
    }

    /** Subsystem IDs from the x86 header (pre-Pascal NVIDIA), when it carries real ones. */
    public Optional<SubsystemIds> subsystem() {
        return firstImage().x86Header()
                .filter(h -> h.subsystemVendorId() > 0 && h.subsystemVendorId() != 0xFFFF && h.subsystemDeviceId() > 0)
                .map(h -> new SubsystemIds(h.subsystemVendorId(), h.subsystemDeviceId()));
    }

    /** True when every x86 image's deciding checksum is valid. */
    public boolean checksumValid() {
        return analysis().checksums().stream().allMatch(c -> c.valid());
    }

    /** A version string from the rom room's identity: NVIDIA BIT version or AMD ATOM version, else null. */
    public String version() {
        var id = analysis().identity();
        if (id.nvidia().isPresent()) {
            var n = id.nvidia().get();
            return n.version() != null ? n.version() : n.versionString();
        }
        return id.amd().map(a -> a.version()).orElse(null);
    }

    /** Human class name of the first image ("display", "storage", "network", ...). */
    public String kind() {
        return switch (classCode() >> 16) {
            case 0x01 -> "storage";
            case 0x02 -> "network";
            case 0x03 -> "display";
            case 0x0C -> "serial bus";
            default -> "other";
        };
    }

    CarvedRom withCopy(Provenance where) {
        List<Provenance> more = new ArrayList<>(alsoAt);
        more.add(where);
        return new CarvedRom(sha256, pciView, found, provenance, List.copyOf(more), nvidiaView);
    }
}
