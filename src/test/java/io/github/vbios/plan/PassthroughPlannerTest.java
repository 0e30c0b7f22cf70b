package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.acpi.LibvirtPath;
import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.Severity;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.SubsystemIds;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.LibvirtDomain;
import io.github.vbios.vm.LibvirtPatchTestDomain;
import io.github.vbios.vm.LibvirtXml;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.RootPort;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassthroughPlannerTest {
    @TempDir
    Path tmp;

    private HostSnapshot host(Path root) {
        return new HostReader(root).snapshot();
    }

    private static PciAddress bdf(String s) {
        return PciAddress.parse(s).orElseThrow();
    }

    @Test
    void laptopWithFwCfgTables() throws IOException {
        HostSnapshot h = host(SampleHosts.optimusLaptop(tmp.resolve("host")));
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", SsdtMode.FWCFG);
        Path rom = Files.write(tmp.resolve("dgpu.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));

        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf(SampleHosts.LAPTOP_DGPU))
                .withRomfile(rom).withSsdt(ssdt));

        assertThat(p.acpiPath()).isEqualTo("\\_SB.PCI0.SE0.S00");
        RootPort rp = p.rootPorts().get(0);
        assertThat(rp.slot()).isEqualTo(0x1c);
        assertThat(rp.hotplugOff()).isTrue();
        assertThat(rp.functions()).extracting(GuestFunction::hostAddress).containsExactly("0000:01:00.0", "0000:01:00.1");
        GuestFunction gpu = p.gpu();
        assertThat(gpu.subsystemVendorId()).isEqualTo(0x1025);
        assertThat(gpu.subsystemDeviceId()).isEqualTo(0x1418);
        assertThat(gpu.romfile()).isEqualTo(rom.toAbsolutePath().toString());
        assertThat(p.acpiTables()).isNotEmpty().allMatch(t -> t.startsWith(ssdt.toAbsolutePath().toString()) && t.endsWith(".aml"));
        assertThat(p.fwCfg()).isNotNull();
        assertThat(p.fwCfg().name()).startsWith("opt/");
        assertThat(Path.of(p.fwCfg().file())).exists();
        assertThat(p.notes()).noneMatch(n -> n.contains("were made for"));
    }

    @Test
    void theRootPortFollowsTheTablesPath() throws IOException {
        HostSnapshot h = host(SampleHosts.optimusLaptop(tmp.resolve("host")));
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.S08.S00", SsdtMode.EMBED);

        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("01:00.0")).withSsdt(ssdt));

        assertThat(p.acpiPath()).isEqualTo("\\_SB.PCI0.S08.S00");
        assertThat(p.rootPorts().get(0).slot()).isEqualTo(1);
        assertThat(p.fwCfg()).isNull();
    }

    @Test
    void proxmoxIndexDecidesThePathAndTablesForAnotherPathAreRefused() throws IOException {
        HostSnapshot h = host(SampleHosts.optimusLaptop(tmp.resolve("host")));
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", SsdtMode.EMBED);

        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.PROXMOX, bdf("01:00.0")).withSsdt(ssdt));
        assertThat(p.acpiPath()).isEqualTo("\\_SB.PCI0.SE0.S00");
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.PROXMOX, bdf("01:00.0"))
                .withSsdt(ssdt).withOptions(false, true, 4)))
                .isInstanceOfSatisfying(VbiosException.class, e -> assertThat(e.kind()).isEqualTo(VbiosException.Kind.INVALID_INPUT))
                .hasMessageContaining("made for \\_SB.PCI0.SE0.S00").hasMessageContaining("hostpci4")
                .hasMessageContaining("vbios ssdt --rom ROM --path '\\_SB.PCI0.S80.S00' -o " + ssdt);
        Path s08 = SsdtFixture.write(tmp.resolve("s08"), "\\_SB.PCI0.S08.S00", SsdtMode.EMBED);
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.PROXMOX, bdf("01:00.0"))
                .withSsdt(s08))).isInstanceOf(VbiosException.class)
                .hasMessageContaining("made for \\_SB.PCI0.S08.S00").hasMessageContaining("--path '\\_SB.PCI0.SE0.S00'");
    }

    /** virt-manager's domains use 00:01.0 for video: tables for \_SB.PCI0.S08.S00 cannot be honoured there. */
    @Test
    void libvirtDomainWhereTheTablesSlotIsTakenIsRefused() throws IOException {
        HostSnapshot h = host(SampleHosts.optimusLaptop(tmp.resolve("host")));
        Path s08 = SsdtFixture.write(tmp.resolve("s08"), "\\_SB.PCI0.S08.S00", SsdtMode.EMBED);
        LibvirtDomain d = LibvirtDomain.read(LibvirtConsumerTest.domain("win11-q35-uefi.xml"));
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf("01:00.0"))
                .withSsdt(s08).withDomain(d)))
                .isInstanceOfSatisfying(VbiosException.class, e -> assertThat(e.kind()).isEqualTo(VbiosException.Kind.INVALID_INPUT))
                .hasMessageContaining("made for \\_SB.PCI0.S08.S00").hasMessageContaining("\\_SB.PCI0.SE0.S00")
                .hasMessageContaining("vbios ssdt");
    }

    @Test
    void pascalDesktopGpuOnlyWithSubsystemOverride() throws IOException {
        HostSnapshot h = host(DesktopHosts.pascalDesktop(tmp));
        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf(DesktopHosts.PASCAL_GPU))
                .withSubsystem(SubsystemIds.parse("1458:3717")).withOptions(true, true, 0));
        assertThat(p.functions()).hasSize(1);
        assertThat(p.gpu().subsystemVendorId()).isEqualTo(0x1458);
        assertThat(p.gpu().subsystemDeviceId()).isEqualTo(0x3717);
        assertThat(p.notes()).anyMatch(n -> n.contains("/var/lib/libvirt/") || n.contains("guesses"));
        assertThat(p.notes()).anyMatch(n -> n.contains("boot VGA"));
        assertThat(p.remarks()).filteredOn(n -> n.is(PlanCode.BOOT_VGA_WITHOUT_ROMFILE)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("boot VGA"))
                .satisfies(n -> assertThat(n.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void invalidSubsystemIdsAreLeftOut() throws IOException {
        DesktopHosts.pascalDesktop(tmp);
        Files.writeString(tmp.resolve("sys/bus/pci/devices/0000:01:00.0/subsystem_vendor"), "0xffff\n");
        PassthroughPlan p = PassthroughPlanner.plan(host(tmp), PlanRequest.of(VmTarget.QEMU, bdf("01:00.0")));
        assertThat(p.gpu().hasSubsystem()).isFalse();
        assertThat(p.notes()).anyMatch(n -> n.contains("--subsystem"));
    }

    @Test
    void libvirtDomainSteersIndexAndSlot() throws IOException {
        HostSnapshot h = host(DesktopHosts.amdDesktop(tmp));
        LibvirtDomain d = LibvirtDomain.read("""
                <domain type='kvm'><devices>
                  <controller type='pci' index='0' model='pcie-root'/>
                  <controller type='pci' index='7' model='pcie-root-port'><target chassis='9' port='0x17'/>
                    <address type='pci' domain='0x0000' bus='0x00' slot='0x1c' function='0x0'/></controller>
                </devices></domain>""");
        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf(DesktopHosts.AMD_GPU))
                .withDomain(d));
        RootPort rp = p.rootPorts().get(0);
        assertThat(rp.index()).isEqualTo(8);
        assertThat(rp.chassis()).isEqualTo(10);
        assertThat(rp.slot()).isEqualTo(0x1d);
        assertThat(p.acpiPath()).isEqualTo("\\_SB.PCI0.SE8.S00");
        assertThat(p.gpu().subsystemVendorId()).isEqualTo(0x1da2);
    }

    /**
     * vbios ssdt --libvirt-xml derives the path from the domain; it must agree with the plan's. The
     * domain already holds the GPU behind its root port 00:02.1: it stays there.
     */
    @Test
    void thePatchedDomainGivesSsdtTheSamePath() throws IOException {
        HostSnapshot h = host(SampleHosts.optimusLaptop(tmp.resolve("host")));
        LibvirtDomain d = LibvirtDomain.read(LibvirtPatchTestDomain.XML);
        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf("01:00.0")).withDomain(d));
        String patched = LibvirtXml.patch(d, p);

        assertThat(LibvirtPath.fromDomainXml(patched, "0000:01:00.0").toString())
                .isEqualTo(p.acpiPath()).isEqualTo("\\_SB.PCI0.S11.S00");
        LibvirtDomain fresh = LibvirtDomain.read(LibvirtConsumerTest.domain("win11-q35-uefi.xml"));
        PassthroughPlan q = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf("01:00.0")).withDomain(fresh));
        assertThat(LibvirtPath.fromDomainXml(LibvirtXml.patch(fresh, q),
                "0000:01:00.0").toString()).isEqualTo(q.acpiPath()).isEqualTo("\\_SB.PCI0.SE0.S00");
        PassthroughPlan snippet = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.LIBVIRT, bdf("01:00.0")));
        assertThat(LibvirtPath.fromDomainXml(LibvirtXml.snippet(snippet),
                "0000:01:00.0").toString()).isEqualTo(snippet.acpiPath());
    }

    @Test
    void romfilesAreChecked() throws IOException {
        HostSnapshot h = host(DesktopHosts.pascalDesktop(tmp.resolve("host")));
        Path other = Files.write(tmp.resolve("other.rom"), SampleOptionRoms.withEfi(0x1002, 0x67df));
        PassthroughPlan p = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("01:00.0")).withRomfile(other));
        assertThat(p.notes()).anyMatch(n -> n.contains("is a ROM for 1002:67df but the GPU is 10de:1b80"));

        Path shadow = Files.write(tmp.resolve("shadow.rom"), SampleOptionRoms.shadowedLegacy(0x10de, 0x1b80));
        PassthroughPlan q = PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("01:00.0")).withRomfile(shadow));
        assertThat(q.notes()).anyMatch(n -> n.contains("shadow copy"));

        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a rom");
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("01:00.0")).withRomfile(text)))
                .isInstanceOf(VbiosException.class).hasMessageContaining("no PCI option ROM found");
    }

    @Test
    void unknownDeviceAndMissingRomfile() throws IOException {
        HostSnapshot h = host(DesktopHosts.iommuOff(tmp));
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("05:00.0"))))
                .isInstanceOf(VbiosException.class).hasMessageContaining("no PCI device 0000:05:00.0");
        assertThatThrownBy(() -> PassthroughPlanner.plan(h, PlanRequest.of(VmTarget.QEMU, bdf("01:00.0"))
                .withRomfile(tmp.resolve("nope.rom")))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> SubsystemIds.parse("0000:1234")).isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> SubsystemIds.parse("10de")).isInstanceOf(VbiosException.class);
    }
}
