package io.github.vbios.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one function's sysfs folder into a {@link PciDevice}; unreadable values become "unknown". */
final class PciDeviceReader {
    private final SysfsFiles fs;
    private final Path dir;

    PciDeviceReader(SysfsFiles fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    PciDevice read(PciAddress address) {
        List<PciResource> resources = PciResource.parseAll(fs.text(dir.resolve("resource")).orElse(""));
        long romSize = resources.stream().filter(r -> r.index() == PciResource.ROM_INDEX)
                .mapToLong(PciResource::size).findFirst().orElse(0);
        int group = fs.linkName(dir.resolve("iommu_group"))
                .filter(n -> !n.isEmpty() && n.length() < 10 && n.chars().allMatch(Character::isDigit))
                .map(Integer::parseInt).orElse(-1);
        String acpi = fs.text(dir.resolve("firmware_node/path")).filter(s -> !s.isEmpty()).orElse(null);
        return new PciDevice(address,
                id16("vendor"), id16("device"), id16("subsystem_vendor"), id16("subsystem_device"),
                fs.hex(dir.resolve("class"), 0xFFFFFF).orElse(-1),
                fs.hex(dir.resolve("revision"), 0xFF).orElse(-1),
                fs.decimal(dir.resolve("boot_vga")).map(v -> v == 1).orElse(false),
                fs.linkName(dir.resolve("driver")).orElse(null),
                group,
                Files.exists(dir.resolve("rom")),
                romSize,
                acpi,
                fs.text(dir.resolve("power_state")).filter(s -> !s.isEmpty()).orElse(null),
                resources,
                upstream(address));
    }

    private int id16(String attr) {
        return fs.hex(dir.resolve(attr), 0xFFFF).orElse(-1);
    }

    /**
     * The bridges above this function: sysfs links {@code devices/0000:01:00.0} to
     * {@code devices/pci0000:00/0000:00:01.0/0000:01:00.0}, so every address-shaped element
     * before the last one is an upstream bridge.
     */
    private List<PciAddress> upstream(PciAddress self) {
        List<PciAddress> chain = new ArrayList<>();
        HostReader.realPath(dir).ifPresent(real -> {
            for (Path element : real) {
                PciAddress.parse(element.toString()).filter(a -> !a.equals(self)).ifPresent(chain::add);
            }
        });
        return chain;
    }
}
