package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class VmCommandTest {
    @TempDir
    Path tmp;

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    @Test
    void qemuTextAndAcpiPath() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "qemu", "--host-root", host.toString(),
                "--device", "01:00.0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#!/bin/sh\n").contains("GPU ACPI path in the guest: \\_SB.PCI0.SE0.S00")
                .contains("  -device vfio-pci,host=0000:01:00.0").contains("x-pci-sub-vendor-id=0x1025");
        assertThat(r.err()).contains("vbios ssdt").contains("--path '\\_SB.PCI0.SE0.S00'");
    }

    @Test
    void libvirtSnippetIsWellFormedAndDecimal() throws Exception {
        Path host = DesktopHosts.amdDesktop(tmp.resolve("host"));
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "libvirt", "--host-root", host.toString(),
                "--device", DesktopHosts.AMD_GPU);
        assertThat(r.code()).isZero();
        Document doc = xml(r.out());
        NodeList props = doc.getElementsByTagNameNS("http://libvirt.org/schemas/domain/qemu/1.0", "property");
        assertThat(((Element) props.item(0)).getAttribute("value")).isEqualTo(Integer.toString(0x1da2));
        assertThat(((Element) props.item(1)).getAttribute("value")).isEqualTo(Integer.toString(0xe387));
    }

    @Test
    void libvirtPatchesADomainIntoAFile() throws Exception {
        Path host = DesktopHosts.pascalDesktop(tmp.resolve("host"));
        Path domain = Files.writeString(tmp.resolve("win.xml"), """
                <domain type='kvm'><name>win</name><os><type arch='x86_64' machine='pc-q35-8.2'>hvm</type></os>
                <devices><controller type='pci' index='0' model='pcie-root'/></devices></domain>""");
        Path out = tmp.resolve("patched.xml");
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "libvirt", "--host-root", host.toString(),
                "--device", "01:00.0", "--domain", domain.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Document doc = xml(Files.readString(out));
        assertThat(doc.getElementsByTagName("name").item(0).getTextContent()).isEqualTo("win");
        assertThat(doc.getElementsByTagName("hostdev").getLength()).isEqualTo(2);

        DoctorCommandTest.Run again = DoctorCommandTest.run("vm", "libvirt", "--host-root", host.toString(),
                "--device", "01:00.0", "--domain", domain.toString(), "-o", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");

        DoctorCommandTest.Run json = DoctorCommandTest.run("vm", "libvirt", "--host-root", host.toString(),
                "--device", "01:00.0", "--domain", domain.toString(), "--json");
        JsonNode doc2 = Json.mapper().readTree(json.out());
        assertThat(xml(doc2.get("libvirtDomain").asText()).getElementsByTagName("name").getLength()).isEqualTo(1);
        assertThat(xml(doc2.get("libvirtSnippet").asText()).getElementsByTagName("name").item(0).getTextContent())
                .isEqualTo("VM");
    }

    @Test
    void proxmoxJson() throws Exception {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        Path rom = Files.write(tmp.resolve("dgpu.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--romfile", rom.toString(), "--json", "--vmid", "104");
        assertThat(r.code()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.get("acpiPath").asText()).isEqualTo("\\_SB.PCI0.SE0.S00");
        assertThat(doc.get("proxmoxConfig").toString())
                .contains("hostpci0: 0000:01:00,pcie=1,romfile=dgpu.rom,sub-vendor-id=0x1025,sub-device-id=0x1418");
        assertThat(doc.get("commands").get(0).asText()).isEqualTo("cp " + rom + " /usr/share/kvm/dgpu.rom");
        assertThat(doc.get("commands").get(1).asText()).startsWith("qm set 104 ").doesNotContain("--machine");
        assertThat(doc.get("plan").get("rootPorts").get(0).get("functions").get(0).get("subsystemVendorId").asText())
                .isEqualTo("1025");
        // every note carries its code, in the same order (issue 13)
        assertThat(doc.get("noteCodes")).hasSameSizeAs(doc.get("notes"));
        assertThat(doc.get("noteCodes").toString()).contains("\"plan.hotplug-turned-off\"").contains("\"plan.no-vm-config\"");
        int i = 0;
        while (!doc.get("noteCodes").get(i).asText().equals("plan.hotplug-turned-off")) {
            i++;
        }
        assertThat(doc.get("notes").get(i).asText()).contains("hotplug on");
        // ... and its severity: turning hotplug off is what vbios did (info), no --vm-config is to act on
        assertThat(doc.get("noteSeverities")).hasSameSizeAs(doc.get("notes"));
        assertThat(doc.get("noteSeverities").get(i).asText()).isEqualTo("info");
        int j = 0;
        while (!doc.get("noteCodes").get(j).asText().equals("plan.no-vm-config")) {
            j++;
        }
        assertThat(doc.get("noteSeverities").get(j).asText()).isEqualTo("warning");
    }

    @Test
    void textSaysWarningOnlyForWarnings() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host-text"));
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--vmid", "104");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("vbios: warning: no --vm-config")
                .contains("vbios: note: Proxmox's root port").doesNotContain("vbios: warning: Proxmox's root port");
    }

    @Test
    void tablesForAnotherPathAreExit3() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        Path ssdt = tmp.resolve("ssdt");
        DoctorCommandTest.Run made = DoctorCommandTest.run("ssdt", "--rom", writeRom().toString(), "--path",
                "\\_SB.PCI0.S08.S00", "-o", ssdt.toString());
        assertThat(made.code()).as(made.err()).isZero();
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--index", "0", "--ssdt", ssdt.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("\\_SB.PCI0.S08.S00").contains("\\_SB.PCI0.SE0.S00").contains("vbios ssdt --rom")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void proxmoxMergesTheVmConfigAndOvmfOptionsAreQemuOnly() throws Exception {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        Path conf = Files.writeString(tmp.resolve("104.conf"), "machine: pc-q35-8.1\nbios: ovmf\nargs: -cpu host\n"
                + "hostpci0: 0000:02:00,pcie=1\nmemory: 8192\n");
        DoctorCommandTest.Run r = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--vmid", "104", "--vm-config", conf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("# merged /etc/pve/qemu-server/104.conf").contains("machine: pc-q35-8.1\n")
                .contains("hostpci0: 0000:02:00,pcie=1\n").contains("hostpci1: 0000:01:00,pcie=1")
                .contains("args: -cpu host -set device.ich9-pcie-port-2.hotplug=off");
        assertThat(r.err()).contains("\\_SB.PCI0.SE1.S00");
        DoctorCommandTest.Run ovmf = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--ovmf-code", "/x.fd");
        assertThat(ovmf.code()).isEqualTo(2);
        DoctorCommandTest.Run both = DoctorCommandTest.run("vm", "proxmox", "--host-root", host.toString(),
                "--device", "01:00.0", "--vm-config", conf.toString(), "--machine", "q35");
        assertThat(both.code()).isEqualTo(2);
    }

    private Path writeRom() throws IOException {
        return Files.write(tmp.resolve("gpu.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));
    }

    @Test
    void errorsAreSentences() throws IOException {
        Path host = DesktopHosts.iommuOff(tmp.resolve("host"));
        DoctorCommandTest.Run missing = DoctorCommandTest.run("vm", "qemu", "--host-root", host.toString(),
                "--device", "09:00.0");
        assertThat(missing.code()).isEqualTo(4);
        DoctorCommandTest.Run bad = DoctorCommandTest.run("vm", "qemu", "--host-root", host.toString(),
                "--device", "01:00.0", "--subsystem", "zz");
        assertThat(bad.code()).isEqualTo(2);
        DoctorCommandTest.Run noSsdt = DoctorCommandTest.run("vm", "qemu", "--host-root", host.toString(),
                "--device", "01:00.0", "--ssdt", tmp.toString());
        assertThat(noSsdt.code()).isEqualTo(3);
        assertThat(missing.err() + bad.err() + noSsdt.err()).doesNotContain("Exception");
    }
}
