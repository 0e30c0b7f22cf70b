package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.IomemEntry;
import io.github.vbios.host.IommuGroup;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lookups doctor makes per GPU (device by address, IOMMU group by number, functions of a
 * slot), indexed once: {@link HostSnapshot}'s own lookups scan every device, which made doctor
 * quadratic in the number of GPUs (issue 12.11: 4,000 fake GPUs took 12 s).
 */
final class HostIndex {
    private final HostSnapshot host;
    private final Map<PciAddress, PciDevice> byAddress = new HashMap<>();
    private final Map<Integer, IommuGroup> groups = new HashMap<>();
    private final Map<PciAddress, List<PciDevice>> bySlot = new HashMap<>();
    private final List<PciDevice> gpus;
    private final List<IomemEntry> framebuffers;

    HostIndex(HostSnapshot host) {
        this.host = host;
        for (PciDevice d : host.devices()) {
            byAddress.putIfAbsent(d.address(), d);
            bySlot.computeIfAbsent(slotKey(d.address()), k -> new ArrayList<>()).add(d);
        }
        for (IommuGroup g : host.groups()) {
            groups.putIfAbsent(g.number(), g);
        }
        this.gpus = host.gpus();
        this.framebuffers = host.iomem().stream().filter(IomemEntry::isFramebuffer).toList();
    }

    /** The boot framebuffers of /proc/iomem. */
    List<IomemEntry> framebuffers() {
        return framebuffers;
    }

    HostSnapshot host() {
        return host;
    }

    Optional<PciDevice> device(PciAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    Optional<IommuGroup> group(int number) {
        return Optional.ofNullable(groups.get(number));
    }

    List<PciDevice> gpus() {
        return gpus;
    }

    /** As {@link HostSnapshot#siblings}: the other functions of the slot, in function order. */
    List<PciDevice> siblings(PciAddress address) {
        return bySlot.getOrDefault(slotKey(address), List.of()).stream().filter(d -> !d.address().equals(address))
                .toList();
    }

    private static PciAddress slotKey(PciAddress a) {
        return new PciAddress(a.domain(), a.bus(), a.slot(), 0);
    }
}
