package io.github.vbios.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class RenderTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void qemuArguments() {
        List<String> a = QemuArgs.render(Plans.laptop());
        assertThat(a).containsSubsequence("-machine", "q35,accel=kvm");
        assertThat(a).contains("pcie-root-port,id=vbios-rp1,bus=pcie.0,addr=0x1c.0x0,chassis=1,port=0x11,hotplug=off");
        assertThat(a).contains("vfio-pci,host=0000:01:00.0,id=vbios-gpu,bus=vbios-rp1,addr=0x0.0x0,multifunction=on,"
                + "x-pci-sub-vendor-id=0x1025,x-pci-sub-device-id=0x1418,romfile=/var/lib/libvirt/vbios/dgpu.rom");
        assertThat(a).contains("vfio-pci,host=0000:01:00.1,id=vbios-fn1,bus=vbios-rp1,addr=0x0.0x1");
        assertThat(a).containsSubsequence("-acpitable", "file=/var/lib/libvirt/vbios/ssdt-rom.aml",
                "-acpitable", "file=/var/lib/libvirt/vbios/ssdt-battery.aml",
                "-fw_cfg", "name=opt/io.github.vbios/vbios,file=/var/lib/libvirt/vbios/dgpu.rom");
        assertThat(QemuArgs.toShell(a)).contains(" \\\n-device vfio-pci,host=0000:01:00.0");
    }

    @Test
    void commasInPathsAreDoubledForQemu() {
        PassthroughPlan p = Plans.laptop("/srv/vm/a,b.rom", List.of("/srv/vm/x,y.aml"), null);
        List<String> a = QemuArgs.render(p);
        assertThat(a).anyMatch(s -> s.endsWith("romfile=/srv/vm/a,,b.rom"));
        assertThat(a).contains("file=/srv/vm/x,,y.aml");
    }

    @Test
    void libvirtSnippetIsWellFormedWithDecimalOverrides() throws Exception {
        String xml = LibvirtXml.snippet(Plans.laptop());
        Document doc = parse(xml);
        Element domain = doc.getDocumentElement();
        assertThat(domain.getTagName()).isEqualTo("domain");

        NodeList props = doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "property");
        assertThat(props.getLength()).isEqualTo(2);
        Element vendor = (Element) props.item(0);
        assertThat(vendor.getAttribute("name")).isEqualTo("x-pci-sub-vendor-id");
        assertThat(vendor.getAttribute("type")).isEqualTo("unsigned");
        assertThat(vendor.getAttribute("value")).isEqualTo("4133").matches("[0-9]+");
        assertThat(((Element) props.item(1)).getAttribute("value")).isEqualTo("5144");
        Element device = (Element) doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "device").item(0);
        assertThat(device.getAttribute("alias")).isEqualTo("ua-vbios-gpu");

        NodeList hostdevs = doc.getElementsByTagName("hostdev");
        assertThat(hostdevs.getLength()).isEqualTo(2);
        Element gpu = (Element) hostdevs.item(0);
        assertThat(((Element) gpu.getElementsByTagName("alias").item(0)).getAttribute("name")).isEqualTo("ua-vbios-gpu");
        assertThat(((Element) gpu.getElementsByTagName("rom").item(0)).getAttribute("file"))
                .isEqualTo("/var/lib/libvirt/vbios/dgpu.rom");
        Element controller = (Element) doc.getElementsByTagName("controller").item(0);
        assertThat(controller.getAttribute("model")).isEqualTo("pcie-root-port");
        assertThat(((Element) controller.getElementsByTagName("target").item(0)).getAttribute("hotplug")).isEqualTo("off");
        assertThat(((Element) controller.getElementsByTagName("address").item(0)).getAttribute("slot")).isEqualTo("0x1c");

        NodeList args = doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "arg");
        assertThat(args.getLength()).isEqualTo(4);
        assertThat(((Element) args.item(1)).getAttribute("value")).isEqualTo("file=/var/lib/libvirt/vbios/ssdt-rom.aml");
        Element entry = (Element) doc.getElementsByTagName("entry").item(0);
        assertThat(((Element) entry.getParentNode()).getAttribute("type")).isEqualTo("fwcfg");
        assertThat(entry.getAttribute("name")).isEqualTo("opt/io.github.vbios/vbios");
        assertThat(xml).doesNotContain("-set").doesNotContain("hostdev0");
    }

    @Test
    void noOverrideWithoutSubsystemIds() throws Exception {
        GuestFunction gpu = new GuestFunction("0000:0a:00.0", 0, -1, -1, null, "vbios-gpu");
        RootPort rp = new RootPort("vbios-rp1", 1, 1, 0x11, 0x1c, 0, true, List.of(gpu));
        PassthroughPlan p = new PassthroughPlan("q35", "c", "v", List.of(rp), List.of(), null, "\\_SB.PCI0.SE0.S00", 0,
                List.of());
        Document doc = parse(LibvirtXml.snippet(p));
        assertThat(doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "override").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "commandline").getLength()).isZero();
        assertThat(doc.getElementsByTagName("sysinfo").getLength()).isZero();
        assertThat(QemuArgs.render(p)).noneMatch(s -> s.contains("x-pci-sub") || s.contains("multifunction"));
    }

    @Test
    void proxmoxLinesAndCommands() {
        ProxmoxConfig.Rendered r = ProxmoxConfig.render(Plans.laptop("/root/vfio/dgpu.rom",
                List.of("/root/vfio/ssdt-rom.aml"), new FwCfgEntry("opt/io.github.vbios/vbios", "/root/vfio/dgpu.rom")), "100");
        assertThat(r.configLines()).containsExactly(
                "# machine: must be q35; keep a pinned version (pc-q35-8.1, pc-q35-8.1+pve0) if the VM has one",
                "# bios: ovmf or seabios; both serve the tables",
                "hostpci0: 0000:01:00,pcie=1,romfile=dgpu.rom,sub-vendor-id=0x1025,sub-device-id=0x1418",
                "args: -acpitable file=/var/lib/vz/snippets/vbios-100/ssdt-rom.aml -fw_cfg name=opt/io.github.vbios/vbios,"
                        + "file=/var/lib/vz/snippets/vbios-100/dgpu.rom -set device.ich9-pcie-port-1.hotplug=off");
        assertThat(r.commands()).containsExactly(
                "mkdir -p /var/lib/vz/snippets/vbios-100",
                "cp /root/vfio/ssdt-rom.aml /root/vfio/dgpu.rom /var/lib/vz/snippets/vbios-100/",
                "cp /root/vfio/dgpu.rom /usr/share/kvm/dgpu.rom",
                "qm set 100 --hostpci0 0000:01:00,pcie=1,romfile=dgpu.rom,sub-vendor-id=0x1025,"
                        + "sub-device-id=0x1418 --args '-acpitable file=/var/lib/vz/snippets/vbios-100/ssdt-rom.aml -fw_cfg "
                        + "name=opt/io.github.vbios/vbios,file=/var/lib/vz/snippets/vbios-100/dgpu.rom "
                        + "-set device.ich9-pcie-port-1.hotplug=off'");
    }
}
