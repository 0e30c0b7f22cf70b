package io.github.vbios.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LibvirtPatchTest {
    /** Shaped like virt-manager's q35 domains (virsh dumpxml), trimmed. */
    static final String DOMAIN = """
            <domain type='kvm'>
              <name>win11</name>
              <memory unit='KiB'>8388608</memory>
              <os firmware='efi'>
                <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
              </os>
              <devices>
                <controller type='pci' index='0' model='pcie-root'/>
                <controller type='pci' index='1' model='pcie-root-port'>
                  <model name='pcie-root-port'/>
                  <target chassis='1' port='0x10'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0' multifunction='on'/>
                </controller>
                <controller type='pci' index='2' model='pcie-root-port'>
                  <target chassis='2' port='0x11'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x1'/>
                </controller>
                <controller type='sata' index='0'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x2'/>
                </controller>
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source>
                  <address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>
                </hostdev>
                <video><model type='virtio'/><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/></video>
              </devices>
            </domain>
            """;

    @Test
    void readsWhatMustNotCollide() {
        LibvirtDomain d = LibvirtDomain.read(DOMAIN);
        assertThat(d.usable()).isTrue();
        assertThat(d.machine()).isEqualTo("pc-q35-7.2");
        assertThat(d.controllerIndexes()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(d.rootBusSlots()).containsExactlyInAnyOrder(0x01, 0x02, 0x1f);
        assertThat(d.maxChassis()).isEqualTo(2);
        assertThat(d.hostdevSources()).containsExactly("0000:01:00.0");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void patchReplacesTheOldHostdevAndKeepsTheRest() throws Exception {
        LibvirtDomain d = LibvirtDomain.read(DOMAIN);
        String xml = LibvirtXml.patch(d, Plans.laptop(3));
        Document doc = RenderTest.parse(xml);

        assertThat(doc.getElementsByTagName("name").item(0).getTextContent()).isEqualTo("win11");
        NodeList hostdevs = doc.getElementsByTagName("hostdev");
        assertThat(hostdevs.getLength()).isEqualTo(2);
        assertThat(((Element) hostdevs.item(0)).getElementsByTagName("alias").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("controller").getLength()).isEqualTo(5);
        assertThat(doc.getElementsByTagName("video").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "override").getLength()).isEqualTo(1);
        Element type = (Element) doc.getElementsByTagName("type").item(0);
        assertThat(type.getAttribute("machine")).isEqualTo("pc-q35-7.2");
        assertThat(doc.getDocumentElement().getAttribute("xmlns:qemu")).isEqualTo(LibvirtXml.QEMU_NS);

        // a second patch of the patched domain does not duplicate anything
        String again = LibvirtXml.patch(LibvirtDomain.read(xml), Plans.laptop(3));
        assertThat(again).isEqualTo(xml);
        Document doc2 = RenderTest.parse(again);
        assertThat(doc2.getElementsByTagName("hostdev").getLength()).isEqualTo(2);
        assertThat(doc2.getElementsByTagNameNS(LibvirtXml.QEMU_NS, "device").getLength()).isEqualTo(1);
        assertThat(doc2.getElementsByTagName("entry").getLength()).isEqualTo(1);
    }

    @Test
    void aPlanWhoseControllerIndexIsAnotherControllerIsRefused() {
        LibvirtDomain d = LibvirtDomain.read(DOMAIN);
        Assertions.assertThatThrownBy(() -> LibvirtXml.patch(d, Plans.laptop(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controller index 1");
    }

    @Test
    void garbageIsAFindingNotAnException() {
        assertThat(LibvirtDomain.read("").usable()).isFalse();
        assertThat(LibvirtDomain.read("<vm/>").findings().get(0).code()).isEqualTo(VmCode.ROOT_NOT_DOMAIN);
        LibvirtDomain xxe = LibvirtDomain.read("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain>&x;</domain>");
        assertThat(xxe.usable()).isFalse();
        LibvirtDomain pc = LibvirtDomain.read("<domain><os><type machine='pc-i440fx-7.2'>hvm</type></os></domain>");
        assertThat(pc.pc()).isTrue();
        assertThat(pc.rootBusName()).isEqualTo("pci.0");
        assertThat(pc.uefi()).isFalse();
    }
}
