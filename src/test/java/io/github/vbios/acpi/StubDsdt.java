package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.named;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of QEMU's q35 DSDT our tables depend on (acpi-vm.md 2, vectors/dsdt_stub.asl), built
 * with our own encoder: {@code \_SB.PCI0} with root port {@code S08} at 00:01.0, optionally its
 * child {@code S00} (present with ACPI hotplug on pc-q35-6.1+), and the fw_cfg device {@code FWCF}.
 */
final class StubDsdt {
    private StubDsdt() {
    }

    static byte[] build(boolean withGpuNode) {
        byte[] s00 = withGpuNode ? Aml.device("S00", named("_ADR", Aml.zero())) : new byte[0];
        byte[] pci0 = Aml.device("PCI0",
                named("_HID", Aml.eisaId("PNP0A08")),
                named("_CID", Aml.eisaId("PNP0A03")),
                named("_UID", Aml.zero()),
                Aml.device("S08", named("_ADR", integer(0x00010000)), s00),
                Aml.device("FWCF", named("_HID", Aml.string("QEMU0002")), named("_STA", integer(0x0B))));
        TableHeader h = new TableHeader("DSDT", 2, "BOCHS", "BXPC", 1, "VBIO", 1);
        return AcpiTable.build(h, Aml.scope("\\_SB", pci0));
    }

    /**
     * A q35-like DSDT with {@code \_SB.PCI0}, the fw_cfg device and the given nodes below PCI0,
     * each a QEMU-named device with its {@code _ADR} (parents listed before children), e.g. Proxmox's
     * first root port {@code \_SB.PCI0.SE0} without the ones at 1c.1-1c.3 (older machine types).
     */
    static byte[] withNodes(List<AcpiPath> nodes) {
        byte[] body = Aml.scope("\\_SB", Aml.device("PCI0",
                named("_HID", Aml.eisaId("PNP0A08")),
                named("_CID", Aml.eisaId("PNP0A03")),
                named("_UID", Aml.zero()),
                Aml.device("FWCF", named("_HID", Aml.string("QEMU0002")), named("_STA", integer(0x0B)))));
        List<byte[]> parts = new ArrayList<>(List.of(body));
        for (AcpiPath n : nodes) {
            parts.add(Aml.scope(n.parent().toString(), Aml.device(AcpiPath.trim(n.name()),
                    named("_ADR", integer(Placement.address(n))))));
        }
        TableHeader h = new TableHeader("DSDT", 2, "BOCHS", "BXPC", 1, "VBIO", 1);
        return AcpiTable.build(h, Aml.cat(parts));
    }
}
