package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.named;

/**
 * The part of QEMU's q35 DSDT our tables depend on (acpi-vm.md 2, vectors/dsdt_stub.asl), built
 * with our own encoder: {@code \_SB.PCI0} with root port {@code S08} at 00:01.0, optionally its
 * child {@code S00} (present with ACPI hotplug on pc-q35-6.1+), and the fw_cfg device {@code FWCF}.
 */
final class StubDsdt {
    private StubDsdt() {
    }

    static byte[] build(boolean withGpuNode) {
        byte[] s00 = withGpuNode ? Aml.device("S00", named("_ADR", Aml.ZERO)) : new byte[0];
        byte[] pci0 = Aml.device("PCI0",
                named("_HID", Aml.eisaId("PNP0A08")),
                named("_CID", Aml.eisaId("PNP0A03")),
                named("_UID", Aml.ZERO),
                Aml.device("S08", named("_ADR", integer(0x00010000)), s00),
                Aml.device("FWCF", named("_HID", Aml.string("QEMU0002")), named("_STA", integer(0x0B))));
        TableHeader h = new TableHeader("DSDT", 2, "BOCHS", "BXPC", 1, "VBIO", 1);
        return AcpiTable.build(h, Aml.scope("\\_SB", pci0));
    }
}
