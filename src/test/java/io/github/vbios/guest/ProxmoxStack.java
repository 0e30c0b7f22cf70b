package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vbios vm proxmox --index N}: the {@code proxmoxConfig} lines turned into the command line
 * qemu-server builds for them (read from proxmox/qemu-server, not run: CI has no Proxmox). A q35
 * VM gets the devices of {@code pve-q35-4.0.cfg} (USB, HDA, the DMI-PCI bridge with four PCI
 * bridges and the root ports {@code ich9-pcie-port-1..4} at 00:1c.0-1c.3, each multifunction,
 * port=chassis=N); {@code hostpciN,pcie=1} sits at 0.0 of {@code ich9-pcie-port-(N+1)}, and for N of
 * 4 or more qemu-server adds that port itself ({@code print_pcie_root_port}: 10.0-10.7, 11.0-11.3).
 * Hotplug on is {@code --keep-hotplug} (Proxmox's ports keep ACPI hotplug); off is vbios's plan
 * (its {@code -set device.ich9-pcie-port-N.hotplug=off} in {@code args:}) on a VM old enough that
 * qemu-server also adds {@code -global ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off}. Comment
 * lines are advice, skipped; no {@code machine:} line means q35 (the plan asks for one). The printed
 * {@code mkdir}/{@code cp} commands that put the tables under {@code /var/lib/vz/snippets/} are run
 * with that folder moved into the cell's folder, and {@code args:} follows the same move; then
 * {@code args:} is appended word by word.
 */
record ProxmoxStack(int index) implements Stack {
    private static final String[] EXTRA_PORTS = {"10.0", "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7",
        "11.0", "11.1", "11.2", "11.3"};

    @Override
    public String name() {
        return "proxmox-hostpci" + index;
    }

    static final String SNIPPETS = "/var/lib/vz/snippets/";

    @Override
    public List<String> vmCommand(Guest guest) {
        List<String> cmd = new ArrayList<>(List.of("vm", "proxmox", "--index", Integer.toString(index)));
        if (guest.hotplug()) {
            cmd.add("--keep-hotplug");
        }
        return cmd;
    }

    @Override
    public List<String> qemu(JsonNode vm, Guest guest) throws Exception {
        String snippets = guest.dir().resolve("snippets") + "/";
        Map<String, String> conf = new LinkedHashMap<>();
        for (String line : Vbios.strings(vm.get("proxmoxConfig"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            conf.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip().replace(SNIPPETS, snippets));
        }
        copyTables(vm, snippets, guest);
        List<String> out = new ArrayList<>(List.of("qemu-system-x86_64"));
        // qemu-server's "+pveN" machine suffixes name Proxmox's own QEMU builds
        String machine = conf.getOrDefault("machine", "q35").replaceFirst("\\+pve\\d+$", "");
        if (!machine.contains("q35")) {
            throw new AssertionError("the Proxmox plan is not a q35 VM: machine: " + machine);
        }
        out.addAll(List.of("-machine", "type=" + machine + ",accel=tcg"));
        if (guest.ovmf()) {
            Files.copy(OVMF_VARS, guest.dir().resolve("efidisk0.fd"));
            out.addAll(List.of("-drive", "if=pflash,unit=0,format=raw,readonly=on,file=" + OVMF_CODE,
                    "-drive", "if=pflash,unit=1,id=drive-efidisk0,format=raw,file=" + guest.dir().resolve("efidisk0.fd")));
        }
        out.addAll(q35Config());
        if (!guest.hotplug()) {
            out.addAll(List.of("-global", "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off"));
        }
        String key = "hostpci" + index;
        String value = conf.get(key);
        if (value == null) {
            throw new AssertionError("no " + key + " line in " + conf);
        }
        if (!value.contains("pcie=1")) {
            throw new AssertionError(key + " is not pcie=1: " + value);
        }
        if (index >= 4) {
            int id = index + 1;
            out.addAll(List.of("-device", "pcie-root-port,id=ich9-pcie-port-" + id + ",addr=" + EXTRA_PORTS[index - 4]
                    + ",x-speed=16,x-width=32,multifunction=on,bus=pcie.0,port=" + id + ",chassis=" + id));
        }
        String host = value.split(",", -1)[0];
        // "0000:01:00" (no function) passes every function of the device; qemu-server names them hostpciN.F
        int functions = host.matches(".*:[0-9a-fA-F]{2}\\.[0-7]$") ? 1 : vm.get("plan").get("rootPorts").get(0)
                .get("functions").size();
        for (int f = 0; f < functions; f++) {
            String id = functions == 1 ? key : key + "." + f;
            String dev = "vfio-pci,host=" + host + (functions == 1 ? "" : "." + f) + ",id=" + id
                    + ",bus=ich9-pcie-port-" + (index + 1) + ",addr=0x0" + (functions == 1 ? "" : "." + f)
                    + (functions > 1 && f == 0 ? ",multifunction=on" : "");
            out.addAll(List.of("-device", dev));
        }
        if (conf.containsKey("args")) {
            out.addAll(ShellWords.split(conf.get("args")));
        }
        out = StandIn.args(out);
        out.addAll(guest.common());
        return out;
    }

    /** Runs the printed mkdir/cp commands that fill the snippets folder, moved into the cell's folder. */
    private static void copyTables(JsonNode vm, String snippets, Guest guest) throws Exception {
        if (vm.get("commands") == null) {
            return;
        }
        for (String cmd : Vbios.strings(vm.get("commands"))) {
            if (!cmd.contains(SNIPPETS) || !(cmd.startsWith("mkdir ") || cmd.startsWith("cp "))) {
                continue;
            }
            Process p = new ProcessBuilder("sh", "-c", cmd.replace(SNIPPETS, snippets)).directory(guest.dir().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("the printed command failed: " + cmd + "\n" + out);
            }
        }
    }

    /** The devices of qemu-server's pve-q35-4.0.cfg, as -device arguments. */
    static List<String> q35Config() {
        List<String> devices = List.of(
                "ich9-usb-ehci1,id=ehci,multifunction=on,bus=pcie.0,addr=1d.7",
                "ich9-usb-uhci1,id=uhci-1,multifunction=on,bus=pcie.0,addr=1d.0,masterbus=ehci.0,firstport=0",
                "ich9-usb-uhci2,id=uhci-2,multifunction=on,bus=pcie.0,addr=1d.1,masterbus=ehci.0,firstport=2",
                "ich9-usb-uhci3,id=uhci-3,multifunction=on,bus=pcie.0,addr=1d.2,masterbus=ehci.0,firstport=4",
                "ich9-usb-ehci2,id=ehci-2,multifunction=on,bus=pcie.0,addr=1a.7",
                "ich9-usb-uhci4,id=uhci-4,multifunction=on,bus=pcie.0,addr=1a.0,masterbus=ehci-2.0,firstport=0",
                "ich9-usb-uhci5,id=uhci-5,multifunction=on,bus=pcie.0,addr=1a.1,masterbus=ehci-2.0,firstport=2",
                "ich9-usb-uhci6,id=uhci-6,multifunction=on,bus=pcie.0,addr=1a.2,masterbus=ehci-2.0,firstport=4",
                "ich9-intel-hda,id=audio0,bus=pcie.0,addr=1b.0",
                port(1, "1c.0"), port(2, "1c.1"), port(3, "1c.2"), port(4, "1c.3"),
                "i82801b11-bridge,id=pcidmi,bus=pcie.0,addr=1e.0",
                "pci-bridge,id=pci.0,bus=pcidmi,addr=1.0,chassis_nr=1",
                "pci-bridge,id=pci.1,bus=pcidmi,addr=2.0,chassis_nr=2",
                "pci-bridge,id=pci.2,bus=pcidmi,addr=3.0,chassis_nr=3",
                "pci-bridge,id=pci.3,bus=pcidmi,addr=4.0,chassis_nr=4");
        List<String> out = new ArrayList<>();
        for (String d : devices) {
            out.add("-device");
            out.add(d);
        }
        return out;
    }

    private static String port(int n, String addr) {
        return "pcie-root-port,id=ich9-pcie-port-" + n + ",x-speed=16,x-width=32,multifunction=on,bus=pcie.0,addr="
                + addr + ",port=" + n + ",chassis=" + n;
    }
}
