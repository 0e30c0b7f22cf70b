package io.github.vbios.rom;

import io.github.vbios.rom.nvidia.NvidiaIdentity;
import java.util.Optional;

/**
 * Who made the ROM and which version it is: PCI IDs of the first image plus vendor-specific data.
 *
 * @param vendorId vendor of the first PCI-view image (x86 when present), or -1
 * @param deviceId device of that image, or -1
 */
public record Identity(int vendorId, int deviceId, Optional<NvidiaIdentity> nvidia, Optional<AmdIdentity> amd) {
    public static Identity none() {
        return new Identity(-1, -1, Optional.empty(), Optional.empty());
    }

    public String vendorName() {
        return switch (vendorId) {
            case 0x10DE -> "NVIDIA";
            case 0x1002 -> "AMD";
            case 0x8086 -> "Intel";
            case 0x1234 -> "QEMU";
            case 0x1AF4 -> "virtio";
            default -> "PCI";
        };
    }
}
