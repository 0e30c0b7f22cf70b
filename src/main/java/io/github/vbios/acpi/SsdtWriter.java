package io.github.vbios.acpi;

import io.github.vbios.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link SsdtSet} into an output folder: every {@code .aml} with its {@code .dsl}
 * listing, the ROM copy for fw_cfg mode, and the {@link SsdtManifest}.
 */
public final class SsdtWriter {
    private SsdtWriter() {
    }

    /** Returns the paths written, in order. */
    public static List<Path> write(SsdtSet set, byte[] rom, OutputFolder out) throws IOException {
        List<Path> written = new ArrayList<>();
        for (GeneratedTable t : set.tables()) {
            written.add(out.write(t.fileName(), t.aml()));
            written.add(out.writeString(t.dslName(), AslPrinter.print(t.aml()).text()));
        }
        if (set.fwCfg() != null) {
            written.add(out.write(set.fwCfg().file(), rom));
        }
        written.add(set.manifest().write(out));
        return written;
    }
}
