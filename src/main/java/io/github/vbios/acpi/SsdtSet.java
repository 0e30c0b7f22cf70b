package io.github.vbios.acpi;

import java.nio.file.Path;
import java.util.List;

/**
 * The generated tables and everything a user needs to load them.
 *
 * @param mode          the mode used
 * @param modeDefaulted true when the mode was chosen from the ROM size
 * @param tables        in load order
 * @param fwCfg         the fw_cfg item (fwcfg mode) or null
 */
public record SsdtSet(SsdtMode mode, boolean modeDefaulted, Placement placement, AcpiPath path,
                      List<GeneratedTable> tables, SsdtManifest.FwCfg fwCfg, String romSha256, long romSize) {
    /** File name of the ROM copy written beside the tables in fwcfg mode. */
    public static final String ROM_COPY = "vbios.rom";

    public SsdtSet {
        tables = List.copyOf(tables);
    }

    public SsdtManifest manifest() {
        return new SsdtManifest(SsdtManifest.SCHEMA, mode, placement.id(), path.toString(),
                tables.stream().map(GeneratedTable::fileName).toList(), fwCfg, romSha256, romSize);
    }

    /** QEMU arguments loading the set from {@code dir}. */
    public List<String> qemuArguments(Path dir) {
        return manifest().qemuArguments(dir);
    }
}
