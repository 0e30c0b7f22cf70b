package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.ProxmoxConfig;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The vm outputs of all four sample hosts: well-formed XML, decimal overrides, hex for QEMU/Proxmox. */
class VmOutputsTest {
    @TempDir
    Path tmp;

    interface HostMaker {
        Path make(Path root) throws IOException;
    }

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("optimus laptop", (HostMaker) SampleHosts::optimusLaptop, SampleHosts.LAPTOP_DGPU, 0x1025, 0x1418),
                Arguments.of("pascal desktop", (HostMaker) DesktopHosts::pascalDesktop, DesktopHosts.PASCAL_GPU, 0x3842, 0x6183),
                Arguments.of("amd desktop", (HostMaker) DesktopHosts::amdDesktop, DesktopHosts.AMD_GPU, 0x1da2, 0xe387),
                Arguments.of("iommu off", (HostMaker) DesktopHosts::iommuOff, DesktopHosts.NO_IOMMU_GPU, 0x1462, 0x3283));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void allThreeRenderings(String name, HostMaker maker, String gpu, int subVendor, int subDevice) throws Exception {
        var host = new HostReader(maker.make(tmp)).snapshot();
        PciAddress a = PciAddress.parse(gpu).orElseThrow();

        PassthroughPlan libvirt = PassthroughPlanner.plan(host, PlanRequest.of(VmTarget.LIBVIRT, a));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(LibvirtXml.snippet(libvirt))));
        NodeList props = doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "property");
        assertThat(props.getLength()).isEqualTo(2);
        assertThat(((Element) props.item(0)).getAttribute("value")).isEqualTo(Integer.toString(subVendor));
        assertThat(((Element) props.item(1)).getAttribute("value")).isEqualTo(Integer.toString(subDevice));
        assertThat(doc.getElementsByTagName("hostdev").getLength()).isEqualTo(libvirt.functions().size());

        PassthroughPlan qemu = PassthroughPlanner.plan(host, PlanRequest.of(VmTarget.QEMU, a));
        assertThat(QemuArgs.render(qemu)).anyMatch(s -> s.startsWith("vfio-pci,host=" + gpu)
                && s.contains(String.format(",x-pci-sub-vendor-id=0x%04x,x-pci-sub-device-id=0x%04x", subVendor, subDevice)));

        PassthroughPlan pve = PassthroughPlanner.plan(host, PlanRequest.of(VmTarget.PROXMOX, a));
        assertThat(ProxmoxConfig.render(pve, "100").configLines()).anyMatch(l -> l.startsWith("hostpci0: " + gpu.substring(0, 10))
                && l.contains(String.format("sub-vendor-id=0x%04x,sub-device-id=0x%04x", subVendor, subDevice)));
        assertThat(pve.acpiPath()).isEqualTo("\\_SB.PCI0.SE0.S00");
    }
}
