package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.IommuGroup;
import io.github.vbios.host.KernelCmdline;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.SafeText;
import io.github.vbios.plan.Doctor;
import io.github.vbios.plan.DoctorReport;
import io.github.vbios.sample.HostTreeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * 16,000 GPUs, each with an audio function and its own IOMMU group, as an in-memory snapshot:
     * the old per-GPU scans of every device and group (and the candidate list) made doctor
     * quadratic (issue: 4,000 GPUs took 12 s, so this took minutes); the index answers each lookup
     * from a map. The bound is a loose hang guard, not a timing assertion.
     */
    @Test
    void sixteenThousandGpusAreLinear() {
        int gpus = 16_000;
        List<PciDevice> devices = new ArrayList<>();
        List<IommuGroup> groups = new ArrayList<>();
        for (int i = 0; i < gpus; i++) {
            PciAddress gpu = new PciAddress(i / 8192, i / 32 % 256, i % 32, 0);
            PciAddress audio = new PciAddress(gpu.domain(), gpu.bus(), gpu.slot(), 1);
            devices.add(device(gpu, 0x1c8d, 0x030000, i));
            devices.add(device(audio, 0x10f1, 0x040300, i));
            groups.add(new IommuGroup(i, List.of(gpu, audio)));
        }
        HostSnapshot host = new HostSnapshot("/fake", devices, groups, KernelCmdline.parse("intel_iommu=on"),
                List.of("vfio", "vfio_pci"), List.of(), "GenuineIntel", false, List.of());
        long t = System.nanoTime();
        DoctorReport report = Doctor.examine(host, Optional.empty());
        long seconds = (System.nanoTime() - t) / 1_000_000_000L;
        assertThat(report.devices()).hasSize(2 * gpus);
        assertThat(report.checks()).filteredOn(c -> c.id().equals("iommu-group-isolated"))
                .hasSize(gpus).allMatch(c -> c.status().label().equals("ok"));
        assertThat(seconds).as("hang guard: doctor on 16,000 GPUs").isLessThan(20);
    }

    private static PciDevice device(PciAddress a, int deviceId, int classCode, int group) {
        return new PciDevice(a, 0x10de, deviceId, 0x1028, 0x0001, classCode, 0xa1, false, "vfio-pci", group, false, 0,
                null, "D0", List.of(), List.of());
    }
}
