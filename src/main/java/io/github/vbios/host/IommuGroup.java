package io.github.vbios.host;

import java.util.List;

/** An IOMMU group: the functions that must be passed to a VM together. */
public record IommuGroup(int number, List<PciAddress> members) {
    public IommuGroup {
        members = List.copyOf(members);
    }
}
