package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.VbiosException;
import org.junit.jupiter.api.Test;

class LibvirtPathTest {
    static final String DOMAIN = """
            <domain type='kvm'>
              <devices>
                <controller type='pci' index='0' model='pcie-root'/>
                <controller type='pci' index='1' model='pcie-root-port'>
                  <target chassis='1' port='0x10' hotplug='off'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
                </controller>
                <controller type='pci' index='2' model='pcie-root-port'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x1c' function='0x2'/>
                </controller>
                <controller type='pci' index='3' model='pcie-switch-upstream-port'>
                  <address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>
                </controller>
                <controller type='pci' index='4' model='pcie-switch-downstream-port'>
                  <address type='pci' domain='0x0000' bus='0x03' slot='0x02' function='0x0'/>
                </controller>
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source>
                  <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
                </hostdev>
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x02' slot='0x00' function='0x1'/></source>
                  <address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x1'/>
                </hostdev>
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x05' slot='0x00' function='0x0'/></source>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
                </hostdev>
                <hostdev mode='subsystem' type='pci' managed='yes'>
                  <source><address domain='0x0000' bus='0x06' slot='0x00' function='0x0'/></source>
                </hostdev>
              </devices>
            </domain>
            """;

    @Test
    void gpuBehindARootPort() {
        assertThat(LibvirtPath.fromDomainXml(DOMAIN, "0000:01:00.0")).hasToString("\\_SB.PCI0.S08.S00");
    }

    @Test
    void deviceBehindASwitch() {
        assertThat(LibvirtPath.fromDomainXml(DOMAIN, "02:00.1")).hasToString("\\_SB.PCI0.SE2.S00.S10.S01");
    }

    @Test
    void deviceOnTheRootBus() {
        assertThat(LibvirtPath.fromDomainXml(DOMAIN, "05:00.0")).hasToString("\\_SB.PCI0.S18");
    }

    @Test
    void unassignedOrMissingHostdevsAreExplained() {
        assertThatThrownBy(() -> LibvirtPath.fromDomainXml(DOMAIN, "06:00.0")).isInstanceOf(VbiosException.class)
                .hasMessageContaining("virsh dumpxml");
        assertThatThrownBy(() -> LibvirtPath.fromDomainXml(DOMAIN, "07:00.0")).isInstanceOf(VbiosException.class)
                .hasMessageContaining("no <hostdev>");
        assertThatThrownBy(() -> LibvirtPath.fromDomainXml("<domain", "07:00.0")).isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> LibvirtPath.fromDomainXml(
                "<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain>&x;</domain>", "01:00.0"))
                .isInstanceOf(VbiosException.class);
    }
}
