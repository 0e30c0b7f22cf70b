package io.github.vbios.acpi;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param mode      embed or fwcfg; null picks {@link SsdtMode#defaultFor(long)}
 * @param placement how the GPU node is placed (default {@link Placement#AUTO})
 * @param path      the GPU's ACPI node
 * @param battery   which fake battery, or NONE
 * @param fwCfgName the fw_cfg file name (fwcfg mode)
 * @param oemId     OEM ID written into every table header
 */
public record SsdtOptions(SsdtMode mode, Placement placement, AcpiPath path, BatterySsdt.Kind battery,
                          String fwCfgName, String oemId) {
    public SsdtOptions {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(battery, "battery");
        Objects.requireNonNull(fwCfgName, "fwCfgName");
        Objects.requireNonNull(oemId, "oemId");
    }

    /** Defaults: mode by size, auto placement, full battery, vbios's fw_cfg name and OEM ID. */
    public static SsdtOptions defaults(AcpiPath path) {
        return new SsdtOptions(null, Placement.AUTO, path, BatterySsdt.Kind.FULL, FwCfgRomSsdt.DEFAULT_NAME,
                TableHeader.DEFAULT_OEM_ID);
    }

    public SsdtOptions withMode(SsdtMode m) {
        return new SsdtOptions(m, placement, path, battery, fwCfgName, oemId);
    }

    public SsdtOptions withPlacement(Placement p) {
        return new SsdtOptions(mode, p, path, battery, fwCfgName, oemId);
    }

    public SsdtOptions withBattery(BatterySsdt.Kind b) {
        return new SsdtOptions(mode, placement, path, b, fwCfgName, oemId);
    }
}
