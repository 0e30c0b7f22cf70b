package io.github.vbios.cli;

import io.github.vbios.acpi.PathChoice;
import io.github.vbios.acpi.RomInput;
import io.github.vbios.acpi.SsdtGenerator;
import io.github.vbios.acpi.SsdtOptions;
import io.github.vbios.acpi.SsdtReport;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The {@code vbios ssdt} step of {@code vbios demo}: tables for the sample ROM in {@code DIR/ssdt/}. */
final class DemoSsdt {
    static final String FOLDER = "ssdt";

    private DemoSsdt() {
    }

    static SsdtReport write(Path demoDir, String dumpName, byte[] dump, PrintWriter out) throws IOException {
        Path target = demoDir.resolve(FOLDER);
        out.println();
        out.println("$ vbios ssdt --rom " + demoDir.resolve(dumpName) + " --clean -o " + target);
        RomInput rom = RomInput.check(ByteSlice.of(dump), dumpName, true);
        PathChoice where = PathChoice.resolve(null, null, List.of(), null, null, null, null);
        SsdtReport report = SsdtGenerator.generate(rom, dumpName, SsdtOptions.defaults(where.path()), where,
                OutputFolder.open(target, true));
        SsdtText.render(report, out);
        return report;
    }
}
