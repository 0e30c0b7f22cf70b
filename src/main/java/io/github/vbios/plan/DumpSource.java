package io.github.vbios.plan;

import io.github.vbios.host.AcpiCallRomAccess;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.host.RomAccess;
import io.github.vbios.host.SnapshotRomAccess;
import io.github.vbios.host.SysfsRomAccess;
import io.github.vbios.io.VbiosException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Step 1 of {@code vbios dump}: which GPU, and how its ROM is read ({@link HostDump} is step 2).
 * The device is the one named, else the only GPU that is not the boot VGA; the access is sysfs on
 * the real host, the saved {@code rom} file of a saved tree, or ACPI {@code _ROM} through
 * {@code acpi_call} with {@code --acpi}.
 *
 * @param hostRoot where sysfs/procfs are read ({@code /} on the real host)
 * @param device   the GPU to dump
 * @param romFile  its sysfs {@code rom} attribute: an input, never to be written over
 * @param viaAcpi  read its ACPI {@code _ROM} instead of the ROM BAR
 */
public record DumpSource(Path hostRoot, PciDevice device, Path romFile, boolean viaAcpi) {
    /**
     * {@code bdf}: the address the user gave, or null to pick the only secondary GPU. No GPU at all
     * is "nothing found" (exit 4); several, or an address that does not parse, a usage error.
     */
    public static DumpSource choose(HostSnapshot host, Path hostRoot, String bdf, boolean viaAcpi) {
        PciAddress address = bdf != null ? PciAddress.parse(bdf).orElseThrow(() -> new VbiosException(
                VbiosException.Kind.USAGE, "'" + bdf + "' is not a PCI address like 0000:01:00.0")) : onlyGpu(host);
        PciDevice dev = host.device(address).orElseThrow(() -> new VbiosException(VbiosException.Kind.NOT_FOUND,
                "no PCI device " + address + " on this host (lspci -D lists the addresses)"));
        return new DumpSource(hostRoot, dev, new HostReader(hostRoot).deviceDir(dev.address()).resolve("rom"), viaAcpi);
    }

    private static PciAddress onlyGpu(HostSnapshot host) {
        List<PciDevice> secondary = host.gpus().stream().filter(g -> !g.bootVga()).toList();
        List<PciDevice> pick = secondary.isEmpty() ? host.gpus() : secondary;
        if (pick.isEmpty()) {
            throw new VbiosException(VbiosException.Kind.NOT_FOUND, "no GPU found on this host (no PCI display "
                    + "controller); if lspci -D lists it, name it: vbios dump BDF -o OUT");
        }
        if (pick.size() > 1) {
            throw new VbiosException(VbiosException.Kind.USAGE, "several GPUs ("
                    + String.join(", ", pick.stream().map(d -> d.address().toString()).toList())
                    + "): name one: vbios dump BDF -o OUT");
        }
        return pick.get(0).address();
    }

    /**
     * The access to the ROM. On the real host, a ROM (or {@code /proc/acpi/call}) that only root may
     * write is refused first (exit 5), naming the {@code sudo} command that writes {@code output}.
     */
    public RomAccess access(Path output) {
        boolean realHost = hostRoot.toAbsolutePath().normalize().equals(Path.of("/"));
        if (viaAcpi) {
            if (device.acpiPath() == null) {
                throw new VbiosException(VbiosException.Kind.NOT_FOUND, device.address()
                        + " has no ACPI companion (firmware_node/path): there is no _ROM to call");
            }
            Path call = hostRoot.resolve("proc/acpi/call");
            needRoot(realHost && Files.exists(call) && !Files.isWritable(call), output);
            return new AcpiCallRomAccess(device.acpiPath(), AcpiCallRomAccess.proc(call));
        }
        needRoot(realHost && Files.exists(romFile) && !Files.isWritable(romFile), output);
        return realHost ? new SysfsRomAccess(romFile) : new SnapshotRomAccess(romFile);
    }

    private void needRoot(boolean denied, Path output) {
        if (denied) {
            throw new VbiosException(VbiosException.Kind.PERMISSION, "reading a device ROM needs root; run: sudo vbios "
                    + "dump " + device.address() + (viaAcpi ? " --acpi" : "") + " -o " + output);
        }
    }
}
