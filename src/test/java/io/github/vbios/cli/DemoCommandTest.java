package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vbios demo} runs every command on its samples, twice in a row, and ends with the tour. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    private int demo(StringWriter out) {
        return Main.run(new String[] {"demo", "-o", tmp.resolve("demo").toString(), "--quiet"},
                new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    void everyCommandRunsAndTheOutputsAreThere() {
        StringWriter out = new StringWriter();
        assertThat(demo(out)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("$ vbios info ", "$ vbios patch ", "$ vbios extract ", "$ vbios ssdt ",
                "$ vbios doctor ", "$ vbios vm qemu ", "$ vbios optimus ", "Tour of").doesNotContain("unexpected");
        Path d = tmp.resolve("demo");
        assertThat(d.resolve("romfile.rom")).isRegularFile();
        assertThat(d.resolve("extracted/vbios_10de_1fb9.rom")).hasSameBinaryContentAs(d.resolve("romfile.rom"));
        assertThat(d.resolve("ssdt/vbios-rom.aml")).isRegularFile();
        assertThat(d.resolve("start-vm.sh")).content().contains("vfio-pci");
        assertThat(d.resolve("optimus/NEXT-STEPS.md")).isRegularFile();
        assertThat(d.resolve("optimus/vbios_10de_1fb9.rom")).hasSameBinaryContentAs(d.resolve("romfile.rom"));
        assertThat(demo(new StringWriter())).as("second run over the first").isZero();
    }
}
