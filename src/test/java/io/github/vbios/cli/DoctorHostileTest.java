package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.host.HostReader;
import io.github.vbios.io.SafeText;
import io.github.vbios.plan.Doctor;
import io.github.vbios.plan.DoctorReport;
import io.github.vbios.sample.HostTreeBuilder;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12.10 and 12.11: hostile sysfs names reach the terminal escaped; doctor is linear in GPUs. */
class DoctorHostileTest {
    private static final String EVIL = "\u001b[31mevil\u001b]0;owned\u0007\u009b2J\u202e";

    @TempDir
    Path tmp;

    @Test
    void escapeSequencesInADriverNameArePrintedEscaped() throws Exception {
        Path host = HostTreeBuilder.at(tmp.resolve("host")).cpuVendor("GenuineIntel")
                .cmdline("intel_iommu=on").modules("vfio", "vfio_pci")
                .function("0000:01:00.0").ids(0x10de, 0x1c8d).subsystem(0x1028, 0x0001).classCode(0x030000)
                .driver(EVIL).group(1).add().build();
        DoctorCommandTest.Run r = DoctorCommandTest.run("doctor", "--host-root", host.toString());
        assertThat(r.out()).contains("driver=" + SafeText.escape(EVIL))
                .contains("softdep \\e[31mevil")  // the fix line too
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
        assertThat(SafeText.escape(EVIL)).isEqualTo("\\e[31mevil\\e]0;owned\\x07\\x9b2J\\u202e");
        // JSON keeps the real name: a JSON parser, not a terminal, reads it
        assertThat(DoctorCommandTest.run("doctor", "--host-root", host.toString(), "--json").out())
                .contains("\\u001B[31mevil");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(SafeText.escape("bound to vfio-pci; größe ✓")).isEqualTo("bound to vfio-pci; größe ✓");
        assertThat(SafeText.escape(null)).isNull();
    }

    /**
     * 4,000 GPUs, each with an audio function and its own group: the old per-GPU scans of every
     * device made this 12 s. The index answers each lookup from a map; the run must stay well
     * inside the hang guard (a loose bound: no timing assertion beyond "not quadratic-slow").
     */
    @Test
    void fourThousandGpus() throws Exception {
        HostTreeBuilder b = HostTreeBuilder.at(tmp.resolve("many")).cpuVendor("GenuineIntel").cmdline("intel_iommu=on")
                .modules("vfio", "vfio_pci");
        int gpus = 4000;
        for (int i = 0; i < gpus; i++) {
            String slot = String.format("%04x:%02x:%02x", i / 256 / 32, i / 32 % 256, i % 32);
            b.function(slot + ".0").ids(0x10de, 0x1c8d).subsystem(0x1028, 0x0001).classCode(0x030000)
                    .driver("vfio-pci").group(i).add();
            b.function(slot + ".1").ids(0x10de, 0x10f1).subsystem(0x1028, 0x0001).classCode(0x040300)
                    .driver("vfio-pci").group(i).add();
        }
        Path host = b.build();
        var snapshot = new HostReader(host).snapshot();
        long t = System.nanoTime();
        DoctorReport report = Doctor.examine(snapshot, Optional.empty());
        long seconds = (System.nanoTime() - t) / 1_000_000_000L;
        assertThat(report.devices()).hasSize(2 * gpus);
        assertThat(report.checks()).filteredOn(c -> c.id().equals("iommu-group-isolated"))
                .hasSize(gpus).allMatch(c -> c.status().label().equals("ok"));
        assertThat(seconds).as("hang guard").isLessThan(120);
    }
}
