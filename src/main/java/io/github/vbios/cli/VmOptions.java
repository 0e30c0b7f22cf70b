package io.github.vbios.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code vbios vm qemu|libvirt|proxmox}; -o/--force/--json are {@link OutputOptions}. */
final class VmOptions extends OutputOptions {
    @Option(names = "--device", required = true, paramLabel = "BDF", description = "the GPU on the host (0000:01:00.0)")
    String device;

    @Option(names = "--romfile", paramLabel = "PATH", description = "romfile for the GPU (e.g. from vbios patch or vbios dump)")
    Path romfile;

    @Option(names = "--ssdt", paramLabel = "DIR", description = "folder written by vbios ssdt (its vbios-ssdt.json lists the tables)")
    Path ssdt;

    @Option(names = "--host-root", paramLabel = "DIR", description = "read sysfs/procfs under DIR instead of / (default: /)")
    Path hostRoot = Path.of("/");

    @Option(names = "--subsystem", paramLabel = "VVVV:DDDD", description = "subsystem IDs to present (default: read from sysfs)")
    String subsystem;

    @Option(names = "--gpu-only", description = "leave the GPU's other functions (HDMI audio) on the host")
    boolean gpuOnly;

    @Option(names = "--keep-hotplug", description = "keep hotplug on the GPU's root port (default: hotplug=off; "
            + "for Proxmox: -set device.ich9-pcie-port-N.hotplug=off in args)")
    boolean keepHotplug;

    @Option(names = "--machine", paramLabel = "TYPE", description = "machine type (default: q35; pin e.g. pc-q35-8.2 for a stable ACPI layout)")
    String machine;
}
