package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.io.VbiosException;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.LibvirtTools;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.ProxmoxConfig;
import io.github.vbios.vm.ProxmoxVmConfig;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxmox plans merged with a VM's own config (pinned machine, args, used hostpci slots), and
 * QEMU's verdict on the args in Proxmox's topology: pve-q35-4.0.cfg's root ports, the hostpci
 * device as qemu-server emits it (a stand-in for vfio-pci), hotplug off by default and on with
 * --keep-hotplug.
 */
class ProxmoxPlanTest {
    /** Shaped like a Proxmox VE 8 Windows 11 VM with one GPU already on hostpci0 and a snapshot. */
    static final String WIN11 = """
            agent: 1
            args: -cpu host,+invtsc
            balloon: 0
            bios: ovmf
            boot: order=scsi0;ide2
            cores: 8
            cpu: host
            efidisk0: local-lvm:vm-104-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M
            hostpci0: 0000:02:00,pcie=1
            ide2: local:iso/Win11_23H2_English_x64.iso,media=cdrom,size=6653034K
            machine: pc-q35-8.1+pve0
            memory: 16384
            meta: creation-qemu=8.1.5,ctime=1712345678
            name: win11
            net0: virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,firewall=1
            ostype: win11
            parent: pre-gpu
            scsi0: local-lvm:vm-104-disk-1,iothread=1,size=128G
            scsihw: virtio-scsi-single
            sockets: 1
            tpmstate0: local-lvm:vm-104-disk-2,size=4M,version=v2.0

            [pre-gpu]
            bios: ovmf
            machine: pc-q35-8.1+pve0
            args: -cpu host
            snaptime: 1712349999
            """;

    @TempDir
    Path tmp;

    private PassthroughPlan plan(ProxmoxVmConfig vm, int index, boolean hotplugOff, String tablesPath)
            throws IOException {
        Path hostDir = tmp.resolve("host");
        if (!Files.exists(hostDir)) {
            SampleHosts.optimusLaptop(hostDir);
        }
        HostSnapshot h = new HostReader(hostDir).snapshot();
        Path rom = tmp.resolve("dgpu.rom");
        if (!Files.exists(rom)) {
            Files.write(rom, SampleOptionRoms.withEfi(0x10de, 0x1f99));
        }
        Path ssdt = tmp.resolve("ssdt-" + tablesPath.replaceAll("[^A-Z0-9]", ""));
        if (!Files.exists(ssdt)) {
            SsdtFixture.write(ssdt, tablesPath, SsdtMode.FWCFG);
        }
        PlanRequest req = PlanRequest.of(VmTarget.PROXMOX, PciAddress.parse(SampleHosts.LAPTOP_DGPU).orElseThrow())
                .withRomfile(rom).withSsdt(ssdt).withOptions(false, hotplugOff, index).withProxmoxVm(vm);
        return PassthroughPlanner.plan(h, req);
    }

    @Test
    void mergesWithTheVmsConfigAndKeepsItsMachineArgsAndSlots() throws IOException {
        ProxmoxVmConfig vm = ProxmoxVmConfig.read(WIN11);
        PassthroughPlan p = plan(vm, PlanRequest.AUTO_INDEX, true, "\\_SB.PCI0.SE1.S00");
        assertThat(p.proxmoxIndex()).as("hostpci0 passes another device").isEqualTo(1);
        assertThat(p.acpiPath()).isEqualTo("\\_SB.PCI0.SE1.S00");
        assertThat(p.machine()).isEqualTo("pc-q35-8.1+pve0");

        ProxmoxConfig.Rendered r = ProxmoxConfig.render(p, "104", vm, false);
        String dir = ProxmoxConfig.storeDir("104");
        assertThat(r.configLines()).contains("machine: pc-q35-8.1+pve0", "bios: ovmf", "hostpci0: 0000:02:00,pcie=1",
                "[pre-gpu]", "args: -cpu host", "snaptime: 1712349999");
        assertThat(r.configLines()).contains("hostpci1: 0000:01:00,pcie=1,romfile=dgpu.rom,sub-vendor-id=0x1025,"
                + "sub-device-id=0x1418");
        String args = r.configLines().stream().filter(l -> l.startsWith("args: -cpu host,+invtsc")).findFirst().orElseThrow();
        assertThat(args).contains("-acpitable file=" + dir + "/vbios-rom.aml").contains("-fw_cfg name=")
                .contains("-set device.ich9-pcie-port-2.hotplug=off").doesNotContain(tmp.toString());
        assertThat(r.commands()).anyMatch(c -> c.equals("mkdir -p " + dir));
        assertThat(r.commands()).anyMatch(c -> c.startsWith("cp ") && c.endsWith(" " + dir + "/") && c.contains("vbios-rom.aml"));
        assertThat(r.commands()).anyMatch(c -> c.startsWith("cp ") && c.endsWith(" /usr/share/kvm/dgpu.rom"));
        String qm = r.commands().get(r.commands().size() - 1);
        assertThat(qm).startsWith("qm set 104 --hostpci1 ").doesNotContain("--machine").doesNotContain("--bios")
                .contains("--args '-cpu host,+invtsc -acpitable");
        assertThat(p.notes()).anyMatch(n -> n.contains("ich9-pcie-port-2") && n.contains("_DSM"));

        // the merged result again: the same slot, no repeated args
        ProxmoxVmConfig merged = ProxmoxVmConfig.read(String.join("\n", r.configLines()));
        PassthroughPlan again = plan(merged, PlanRequest.AUTO_INDEX, true, "\\_SB.PCI0.SE1.S00");
        assertThat(again.proxmoxIndex()).isEqualTo(1);
        assertThat(ProxmoxConfig.render(again, "104", merged, false).configLines()).isEqualTo(r.configLines());
    }

    @Test
    void refusesWhatWouldBreakTheVm() throws IOException {
        assertThatThrownBy(() -> plan(ProxmoxVmConfig.read("name: old\nostype: win10\nmemory: 4096\n"), PlanRequest.AUTO_INDEX,
                true, "\\_SB.PCI0.SE0.S00")).isInstanceOfSatisfying(VbiosException.class,
                e -> assertThat(e.kind()).isEqualTo(VbiosException.Kind.INVALID_INPUT)).hasMessageContaining("q35");
        ProxmoxVmConfig vm = ProxmoxVmConfig.read(WIN11);
        assertThatThrownBy(() -> plan(vm, 0, true, "\\_SB.PCI0.SE0.S00")).hasMessageContaining("hostpci0 is used by 0000:02:00");
        assertThatThrownBy(() -> ProxmoxVmConfig.read("<domain/>")).isInstanceOf(VbiosException.class);
    }

    @Test
    void aSeaBiosVmStaysSeaBiosUnlessAsked() throws IOException {
        ProxmoxVmConfig vm = ProxmoxVmConfig.read("machine: q35\nmemory: 4096\nostype: l26\n");
        PassthroughPlan p = plan(vm, PlanRequest.AUTO_INDEX, true, "\\_SB.PCI0.SE0.S00");
        assertThat(p.notes()).anyMatch(n -> n.contains("SeaBIOS and stays so"));
        assertThat(ProxmoxConfig.render(p, "100", vm, false).configLines()).noneMatch(l -> l.startsWith("bios:"));
        ProxmoxConfig.Rendered switched = ProxmoxConfig.render(p, "100", vm, true);
        assertThat(switched.configLines()).contains("bios: ovmf", "machine: q35");
        assertThat(switched.commands().get(switched.commands().size() - 1)).contains("--bios ovmf");
    }

    /**
     * QEMU with Proxmox's q35 root ports (pve-q35-4.0.cfg: ich9-pcie-port-1..4 at 1c.0-1c.3) and
     * the hostpci1 device as qemu-server emits it, plus our args: accepted, and the GPU's port has
     * hotplug off by default, on with --keep-hotplug.
     */
    @Test
    void qemuTakesTheArgsInProxmoxsTopology() throws Exception {
        Path qemu = QemuPeerTest.qemu();
        Path cfg = tmp.resolve("pve-q35-4.0.cfg");
        StringBuilder c = new StringBuilder();
        for (int n = 1; n <= 4; n++) {
            c.append("[device \"ich9-pcie-port-").append(n).append("\"]\n  driver = \"pcie-root-port\"\n")
                    .append("  x-speed = \"16\"\n  x-width = \"32\"\n  multifunction = \"on\"\n  bus = \"pcie.0\"\n")
                    .append("  addr = \"1c.").append(n - 1).append("\"\n  port = \"").append(n).append("\"\n")
                    .append("  chassis = \"").append(n).append("\"\n\n");
        }
        Files.writeString(cfg, c.toString());
        for (boolean off : new boolean[] {true, false}) {
            ProxmoxVmConfig vm = ProxmoxVmConfig.read(WIN11);
            PassthroughPlan p = plan(vm, PlanRequest.AUTO_INDEX, off, "\\_SB.PCI0.SE1.S00");
            String args = ProxmoxConfig.render(p, "104", vm, false).configLines().stream()
                    .filter(l -> l.startsWith("args: ")).findFirst().orElseThrow().substring(6);
            // the copies would be in the snippets folder; here the originals stand in
            Path ssdt = Path.of(p.acpiTables().get(0)).getParent();
            args = args.replace(ProxmoxConfig.storeDir("104"), ssdt.toString()).replace("-cpu host,+invtsc", "");
            List<String> cmd = new ArrayList<>(List.of(qemu.toString(), "-machine", "pc-q35-7.2,accel=tcg", "-S",
                    "-display", "none", "-nodefaults", "-monitor", "stdio", "-readconfig", cfg.toString(),
                    "-device", "virtio-rng-pci,id=hostpci1.0,bus=ich9-pcie-port-2,addr=0x0.0,multifunction=on"));
            cmd.addAll(List.of(args.trim().split("\\s+")));
            LibvirtTools.Result r = LibvirtTools.run(cmd, "info qtree\nquit\n");
            assertThat(r.exit()).as("%s%n%s", r.output(), cmd).isZero();
            assertThat(r.output()).doesNotContain("qemu-system-x86_64:");
            String port = r.output().substring(r.output().indexOf("id \"ich9-pcie-port-2\""));
            String hotplug = port.substring(port.indexOf("hotplug = "), port.indexOf('\n', port.indexOf("hotplug = ")));
            assertThat(hotplug.strip()).as("keep-hotplug=" + !off).isEqualTo("hotplug = " + !off);
        }
    }
}
