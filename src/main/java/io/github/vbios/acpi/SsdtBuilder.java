package io.github.vbios.acpi;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import java.util.ArrayList;
import java.util.List;

/** romfile bytes + options -> the table set (method/data tables, battery). Pure: writes nothing. */
public final class SsdtBuilder {
    private SsdtBuilder() {
    }

    public static SsdtSet build(byte[] rom, SsdtOptions o) {
        if (rom.length == 0) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the ROM is empty");
        }
        SsdtMode mode = o.mode() != null ? o.mode() : SsdtMode.defaultFor(rom.length);
        if (mode == SsdtMode.EMBED && rom.length > EmbeddedRomSsdt.MAX_ROM) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the ROM is " + rom.length
                    + " bytes, too large to embed (at most " + EmbeddedRomSsdt.MAX_ROM + "); use --mode fwcfg");
        }
        TableHeader base = new TableHeader("SSDT", 2, o.oemId(), TableIds.table(o.path(), TableIds.ROM), 1,
                TableHeader.DEFAULT_CREATOR, 1);
        List<GeneratedTable> tables = new ArrayList<>();
        SsdtManifest.FwCfg fwCfg = null;
        if (mode == SsdtMode.EMBED) {
            tables.addAll(EmbeddedRomSsdt.build(rom, o.path(), o.placement(), base,
                    TableIds.dataPrefix(o.path())));
        } else {
            tables.add(FwCfgRomSsdt.build(o.path(), o.placement(),
                    base.withTableId(TableIds.table(o.path(), TableIds.FWCFG)), o.fwCfgName(), rom));
            fwCfg = new SsdtManifest.FwCfg(o.fwCfgName(), SsdtSet.ROM_COPY);
        }
        if (o.battery() != BatterySsdt.Kind.NONE) {
            tables.add(BatterySsdt.build(o.battery(), base.withTableId(TableIds.BATTERY)));
        }
        return new SsdtSet(mode, o.mode() == null, o.placement(), o.path(), tables, fwCfg,
                ByteSlice.of(rom).sha256(), rom.length);
    }
}
