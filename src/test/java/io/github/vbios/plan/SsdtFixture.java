package io.github.vbios.plan;

import io.github.vbios.acpi.AcpiPath;
import io.github.vbios.acpi.SsdtBuilder;
import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.acpi.SsdtOptions;
import io.github.vbios.acpi.SsdtWriter;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.sample.SampleOptionRoms;
import java.io.IOException;
import java.nio.file.Path;

/** Real {@code vbios ssdt} output (tables + manifest) written by the acpi room, for vm tests. */
final class SsdtFixture {
    private SsdtFixture() {
    }

    static Path write(Path dir, String acpiPath, SsdtMode mode) throws IOException {
        byte[] rom = SampleOptionRoms.withEfi(0x10de, 0x1f99);
        SsdtOptions o = SsdtOptions.defaults(AcpiPath.parse(acpiPath)).withMode(mode);
        SsdtWriter.write(SsdtBuilder.build(rom, o), rom, OutputFolder.open(dir, false));
        return dir;
    }
}
