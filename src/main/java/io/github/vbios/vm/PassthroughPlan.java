package io.github.vbios.vm;

import io.github.vbios.io.Finding;
import java.util.List;

/**
 * Everything a VM needs to receive one GPU: the machine, firmware, root ports with the passed
 * functions, the ACPI tables and fw_cfg entry of {@code vbios ssdt}, and the ACPI path the GPU
 * will have in the guest. The three renderers ({@link QemuArgs}, {@link LibvirtXml},
 * {@link ProxmoxConfig}) print the same plan.
 *
 * @param machine        QEMU machine type, {@code q35} (or a pinned {@code pc-q35-X.Y})
 * @param ovmfCode       OVMF code image for QEMU's first pflash
 * @param ovmfVars       a per-VM copy of the OVMF variable store
 * @param acpiTables     absolute paths of the SSDTs, in load order
 * @param fwCfg          the fw_cfg entry holding the VBIOS, null when the tables embed it
 * @param acpiPath       the GPU's ACPI path in the guest ({@code \_SB.PCI0.SE0.S00}): what {@code vbios ssdt --path} takes
 * @param proxmoxIndex   the N of {@code hostpciN}
 * @param remarks        notes for the user (warnings about the inputs), each with its code ({@code plan.*}, ...)
 */
public record PassthroughPlan(String machine, String ovmfCode, String ovmfVars, List<RootPort> rootPorts,
                              List<String> acpiTables, FwCfgEntry fwCfg, String acpiPath, int proxmoxIndex,
                              List<Finding> remarks) {
    public PassthroughPlan {
        rootPorts = List.copyOf(rootPorts);
        acpiTables = List.copyOf(acpiTables);
        remarks = List.copyOf(remarks);
    }

    /** The sentences of {@link #remarks}, for the user (stderr, JSON {@code notes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }

    public List<GuestFunction> functions() {
        return rootPorts.stream().flatMap(r -> r.functions().stream()).toList();
    }

    /** The GPU: function 0 of the first root port. */
    public GuestFunction gpu() {
        return rootPorts.get(0).functions().get(0);
    }
}
