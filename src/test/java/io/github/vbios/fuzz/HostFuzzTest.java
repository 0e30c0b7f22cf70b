package io.github.vbios.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vbios.acpi.LibvirtPath;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.io.VbiosException;
import io.github.vbios.plan.Doctor;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.vm.LibvirtDomain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host-side readers on hostile input: the sysfs/procfs reader (one attribute of a sample
 * Optimus laptop tree replaced by fuzz bytes, then snapshot and doctor), and the two libvirt
 * domain XML readers (vm.LibvirtDomain, acpi.LibvirtPath). Contract: results and findings; a
 * {@link VbiosException} for an XML that cannot answer the question; nothing else.
 */
class HostFuzzTest {
    private static final List<String> ATTRIBUTES = List.of(
            "proc/cmdline", "proc/iomem",
            "sys/bus/pci/devices/0000:01:00.0/class", "sys/bus/pci/devices/0000:01:00.0/vendor",
            "sys/bus/pci/devices/0000:01:00.0/device", "sys/bus/pci/devices/0000:01:00.0/subsystem_vendor",
            "sys/bus/pci/devices/0000:01:00.0/resource", "sys/bus/pci/devices/0000:01:00.0/boot_vga",
            "sys/bus/pci/devices/0000:01:00.0/firmware_node/path", "sys/bus/pci/devices/0000:00:02.0/resource",
            "sys/bus/pci/devices/0000:01:00.0/power_state", "sys/bus/pci/devices/0000:01:00.0/revision");
    private static Path root;

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = SampleHosts.optimusLaptop(Files.createTempDirectory("vbios-fuzz-host"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void sysfs(FuzzedDataProvider in) throws IOException {
        Path file = root().resolve(ATTRIBUTES.get(in.consumeInt(0, ATTRIBUTES.size() - 1)));
        if (!Files.exists(file)) {
            return; // the harness's list, not the reader, is wrong: nothing to mutate
        }
        Path real = file.toRealPath();
        byte[] original = Files.readAllBytes(real);
        try {
            Files.write(real, in.consumeRemainingAsBytes());
            HostSnapshot snap = new HostReader(root()).snapshot();
            Doctor.examine(snap, Optional.empty());
        } finally {
            Files.write(real, original);
        }
    }

    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void libvirtXml(FuzzedDataProvider in) {
        String bdf = in.pickValue(List.of("0000:01:00.0", "0000:02:00.0", "01:00.0"));
        String xml = in.consumeRemainingAsString();
        LibvirtDomain.read(xml);
        try {
            LibvirtPath.fromDomainXml(xml, bdf);
        } catch (VbiosException expected) {
            // "this XML has no usable <hostdev> for that device": the documented answer
        }
    }
}
