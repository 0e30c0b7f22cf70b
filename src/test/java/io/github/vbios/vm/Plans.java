package io.github.vbios.vm;

import java.util.List;

/** Hand-built plans for the renderer tests. */
final class Plans {
    private Plans() {
    }

    static PassthroughPlan laptop(String rom, List<String> tables, FwCfgEntry fw) {
        return laptop(rom, tables, fw, 1);
    }

    /** The laptop plan with its root port at controller {@code index} (1 collides with most real domains). */
    static PassthroughPlan laptop(String rom, List<String> tables, FwCfgEntry fw, int index) {
        GuestFunction gpu = new GuestFunction("0000:01:00.0", 0, 0x1025, 0x1418, rom, "vbios-gpu");
        GuestFunction audio = new GuestFunction("0000:01:00.1", 1, -1, -1, null, "vbios-fn1");
        RootPort rp = new RootPort("vbios-rp" + index, index, index, 0x10 + index, 0x1c, 0, true, List.of(gpu, audio));
        return new PassthroughPlan("q35", "/usr/share/OVMF/OVMF_CODE_4M.fd", "vm-OVMF_VARS.fd", List.of(rp), tables,
                fw, "\\_SB.PCI0.SE0.S00", 0, List.of());
    }

    static PassthroughPlan laptop() {
        return laptop(1);
    }

    static PassthroughPlan laptop(int index) {
        return laptop("/var/lib/libvirt/vbios/dgpu.rom",
                List.of("/var/lib/libvirt/vbios/ssdt-rom.aml", "/var/lib/libvirt/vbios/ssdt-battery.aml"),
                new FwCfgEntry("opt/io.github.vbios/vbios", "/var/lib/libvirt/vbios/dgpu.rom"), index);
    }
}
