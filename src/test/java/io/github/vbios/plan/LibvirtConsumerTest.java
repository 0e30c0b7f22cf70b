package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.acpi.LibvirtPath;
import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.VbiosException;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.LibvirtTools;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

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

    static Stream<String> allDomains() {
        return Stream.of("win11-q35-uefi.xml", "linux-q35-bios.xml", "win10-pc-bios.xml");
    }

    private PassthroughPlan plan(SsdtMode mode, LibvirtDomain domain) throws IOException {
        return plan(mode, domain, "\\_SB.PCI0.SE0.S00");
    }

    private PassthroughPlan plan(SsdtMode mode, LibvirtDomain domain, String tablesPath) throws IOException {
        Path hostDir = tmp.resolve("host");
        if (!Files.exists(hostDir)) {
            SampleHosts.optimusLaptop(hostDir);
        }
        HostSnapshot h = new HostReader(hostDir).snapshot();
        Path rom = tmp.resolve("dgpu.rom");
        if (!Files.exists(rom)) {
            Files.write(rom, SampleOptionRoms.withEfi(0x10de, 0x1f99));
        }
        PlanRequest req = PlanRequest.of(VmTarget.LIBVIRT, PciAddress.parse(SampleHosts.LAPTOP_DGPU).orElseThrow())
                .withRomfile(rom).withDomain(domain);
        if (mode != null) {
            Path dir = tmp.resolve("ssdt-" + mode + "-" + tablesPath.replaceAll("[^A-Z0-9]", ""));
            if (!Files.exists(dir)) {
                SsdtFixture.write(dir, tablesPath, mode);
            }
            req = req.withSsdt(dir);
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
    @MethodSource("allDomains")
    void aPatchedDomainPassesLibvirtsSchema(String name) throws Exception {
        LibvirtTools.requireValidator();
        String original = domain(name);
        assertThat(LibvirtTools.validate(original, tmp).ok()).as("the test domain itself").isTrue();
        LibvirtDomain d = LibvirtDomain.read(original);
        String xml = LibvirtXml.patch(d, plan(SsdtMode.FWCFG, d, tablesPathFor(name)));
        LibvirtTools.Result r = LibvirtTools.validate(xml, tmp);
        assertThat(r.ok()).as("virt-xml-validate:%n%s%n%s", r.output(), xml).isTrue();
    }

    /** The tables' path for a domain: pc machines put the GPU into slot 0x10 of pci.0. */
    static String tablesPathFor(String name) {
        return name.contains("-pc-") ? "\\_SB.PCI0.S80" : "\\_SB.PCI0.SE0.S00";
    }

    private static int count(Document d, String tag) {
        return d.getElementsByTagName(tag).getLength();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> acpiTableArgs(Document d) {
        NodeList args = d.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "arg");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.getLength(); i++) {
            out.add(((Element) args.item(i)).getAttribute("value"));
        }
        return out;
    }

    private static String rootPortModels(Document d) {
        NodeList cs = d.getElementsByTagName("controller");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cs.getLength(); i++) {
            sb.append(((Element) cs.item(i)).getAttribute("model")).append(' ');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("allDomains")
    void patchingKeepsTheGuestAndItsFirmwareAndAddsAcpi(String name) throws Exception {
        String original = domain(name);
        Document before = parse(original);
        LibvirtDomain d = LibvirtDomain.read(original);
        PassthroughPlan plan = plan(SsdtMode.FWCFG, d, tablesPathFor(name));
        String xml = LibvirtXml.patch(d, plan);
        Document after = parse(xml);

        for (String tag : List.of("name", "uuid", "disk", "interface", "video", "sound", "memballoon", "graphics")) {
            assertThat(count(after, tag)).as(tag).isEqualTo(count(before, tag));
        }
        assertThat(after.getElementsByTagNameNS("http://libosinfo.org/xmlns/libvirt/domain/1.0", "os").getLength())
                .isEqualTo(1);
        assertThat(count(after, "controller")).isEqualTo(count(before, "controller") + (d.pc() ? 0 : 1));
        assertThat(String.join(" ", acpiTableArgs(after))).contains(String.join(" ", acpiTableArgs(before)));
        Element os = (Element) after.getElementsByTagName("os").item(0);
        assertThat(os.getAttribute("firmware")).isEqualTo(((Element) before.getElementsByTagName("os").item(0))
                .getAttribute("firmware"));
        assertThat(count(after, "loader")).isEqualTo(count(before, "loader"));
        assertThat(((Element) after.getElementsByTagName("features").item(0)).getElementsByTagName("acpi").getLength())
                .isEqualTo(1);
        if (d.pc()) {
            assertThat(rootPortModels(after)).doesNotContain("pcie-root-port");
            assertThat(plan.acpiPath()).isEqualTo("\\_SB.PCI0.S80");
        }
        assertThat(LibvirtPath.fromDomainXml(xml, SampleHosts.LAPTOP_DGPU).toString()).isEqualTo(plan.acpiPath());
        if (!d.uefi()) {
            assertThat(plan.notes()).anyMatch(n -> n.contains("stays so") && n.contains("--switch-to-uefi"));
            String switched = LibvirtXml.patch(d, plan, true);
            assertThat(((Element) parse(switched).getElementsByTagName("os").item(0)).getAttribute("firmware"))
                    .isEqualTo("efi");
        }
    }

    @ParameterizedTest
    @MethodSource("allDomains")
    void patchingItsOwnOutputAgainChangesNothing(String name) throws Exception {
        LibvirtDomain d = LibvirtDomain.read(domain(name));
        String once = LibvirtXml.patch(d, plan(SsdtMode.EMBED, d, tablesPathFor(name)));
        LibvirtDomain d2 = LibvirtDomain.read(once);
        PassthroughPlan again = plan(SsdtMode.EMBED, d2, tablesPathFor(name));
        assertThat(again.acpiPath()).isEqualTo(LibvirtPath.fromDomainXml(once, SampleHosts.LAPTOP_DGPU).toString());
        assertThat(LibvirtXml.patch(d2, again)).isEqualTo(once);
    }

    /** A domain whose root bus has no free slot: exit 3 naming the bus libvirt calls it. */
    @ParameterizedTest
    @ValueSource(strings = {"pcie.0", "pci.0"})
    void aFullRootBusIsRefusedWithItsName(String bus) throws Exception {
        StringBuilder x = new StringBuilder("<domain type='kvm'><name>full</name><os><type arch='x86_64' machine='"
                + (bus.equals("pci.0") ? "pc-i440fx-7.2" : "pc-q35-7.2") + "'>hvm</type></os><devices>");
        for (int slot = 1; slot < 32; slot++) {
            x.append(String.format("<interface type='network'><source network='default'/><model type='e1000'/>"
                    + "<address type='pci' domain='0x0000' bus='0x00' slot='0x%02x' function='0x0'/></interface>", slot));
        }
        LibvirtDomain d = LibvirtDomain.read(x.append("</devices></domain>").toString());
        assertThatThrownBy(() -> plan(null, d))
                .isInstanceOfSatisfying(VbiosException.class, e -> assertThat(e.kind()).isEqualTo(VbiosException.Kind.INVALID_INPUT))
                .hasMessageContaining("no free slot on " + bus);
    }

    /**
     * libvirt's own verdict: {@code virsh define} (session libvirtd as nobody) takes every patched
     * domain; patching libvirt's {@code virsh dumpxml} of it again keeps the GPU's address, adds no
     * root port and no second {@code -acpitable}, and is defined again.
     */
    @ParameterizedTest
    @MethodSource("allDomains")
    void virshDefinesThePatchedDomainAndItsRepatchedDump(String name) throws Exception {
        LibvirtTools.Session session = LibvirtTools.session(tmp);
        LibvirtDomain d = LibvirtDomain.read(domain(name));
        String once = LibvirtXml.patch(d, plan(SsdtMode.FWCFG, d, tablesPathFor(name)));
        String vm = "vbios-test-" + name.replace(".xml", "");
        LibvirtTools.Result def = session.defineAndDump(once, vm);
        assertThat(def.ok()).as("virsh define:%n%s%n%s", def.output(), once).isTrue();
        String dumped = def.output();
        String path = LibvirtPath.fromDomainXml(dumped, SampleHosts.LAPTOP_DGPU).toString();
        assertThat(path).isEqualTo(LibvirtPath.fromDomainXml(once, SampleHosts.LAPTOP_DGPU).toString());

        LibvirtDomain d2 = LibvirtDomain.read(dumped);
        PassthroughPlan again = plan(SsdtMode.FWCFG, d2, tablesPathFor(name));
        String twice = LibvirtXml.patch(d2, again);
        Document a = parse(dumped);
        Document b = parse(twice);
        assertThat(again.acpiPath()).isEqualTo(path);
        assertThat(LibvirtPath.fromDomainXml(twice, SampleHosts.LAPTOP_DGPU).toString()).isEqualTo(path);
        assertThat(count(b, "controller")).isEqualTo(count(a, "controller"));
        assertThat(count(b, "hostdev")).isEqualTo(count(a, "hostdev"));
        assertThat(acpiTableArgs(b)).isEqualTo(acpiTableArgs(a));
        LibvirtTools.Result def2 = session.defineAndDump(twice, vm);
        assertThat(def2.ok()).as("virsh define of the re-patched dump:%n%s%n%s", def2.output(), twice).isTrue();
    }
}
