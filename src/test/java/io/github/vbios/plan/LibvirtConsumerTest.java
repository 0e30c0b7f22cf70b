package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.LibvirtTools;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * libvirt itself judges every XML {@code vbios vm libvirt} writes: the snippet alone and each
 * realistic domain of src/test/resources/.../vm/domains (written by hand after what virt-install
 * and virt-manager define) patched with the plan, through libvirt's RNG schema.
 */
class LibvirtConsumerTest {
    static final String DOMAINS = "/io/github/vbios/vm/domains/";

    @TempDir
    Path tmp;

    static String domain(String name) throws IOException {
        try (InputStream in = LibvirtConsumerTest.class.getResourceAsStream(DOMAINS + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<String> q35Domains() {
        return Stream.of("win11-q35-uefi.xml", "linux-q35-bios.xml");
    }

    private PassthroughPlan plan(SsdtMode mode, LibvirtDomain domain) throws IOException {
        HostSnapshot h = new HostReader(SampleHosts.optimusLaptop(tmp.resolve("host"))).snapshot();
        Path rom = Files.write(tmp.resolve("dgpu.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));
        PlanRequest req = PlanRequest.of(VmTarget.LIBVIRT, PciAddress.parse(SampleHosts.LAPTOP_DGPU).orElseThrow())
                .withRomfile(rom).withDomain(domain);
        if (mode != null) {
            req = req.withSsdt(SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", mode));
        }
        return PassthroughPlanner.plan(h, req);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FWCFG", "EMBED", "NONE"})
    void theSnippetPassesLibvirtsSchema(String mode) throws Exception {
        LibvirtTools.requireValidator();
        String xml = LibvirtXml.snippet(plan(mode.equals("NONE") ? null : SsdtMode.valueOf(mode), null));
        LibvirtTools.Result r = LibvirtTools.validate(xml, tmp);
        assertThat(r.ok()).as("virt-xml-validate:%n%s%n%s", r.output(), xml).isTrue();
    }

    @ParameterizedTest
    @MethodSource("q35Domains")
    void aPatchedQ35DomainPassesLibvirtsSchema(String name) throws Exception {
        LibvirtTools.requireValidator();
        String original = domain(name);
        assertThat(LibvirtTools.validate(original, tmp).ok()).as("the test domain itself").isTrue();
        LibvirtDomain d = LibvirtDomain.read(original);
        String xml = LibvirtXml.patch(d, plan(SsdtMode.FWCFG, d));
        LibvirtTools.Result r = LibvirtTools.validate(xml, tmp);
        assertThat(r.ok()).as("virt-xml-validate:%n%s%n%s", r.output(), xml).isTrue();
    }
}
