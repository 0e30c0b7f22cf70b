package io.github.vbios.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code vbios vm qemu|libvirt|proxmox}. */
final class VmOptions {
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

    @Option(names = "--keep-hotplug", description = "keep ACPI hotplug on the root port (default: hotplug=off)")
    boolean keepHotplug;

    @Option(names = "--machine", paramLabel = "TYPE", description = "machine type (default: q35; pin e.g. pc-q35-8.2 for a stable ACPI layout)")
    String machine = "q35";

    @Option(names = "--ovmf-code", paramLabel = "FILE", description = "OVMF code image (default: /usr/share/OVMF/OVMF_CODE_4M.fd)")
    String ovmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";

    @Option(names = "--ovmf-vars", paramLabel = "FILE", description = "this VM's copy of OVMF_VARS (default: vm-OVMF_VARS.fd)")
    String ovmfVars = "vm-OVMF_VARS.fd";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the configuration to FILE instead of stdout (- for stdout)")
    Path output;

    @Option(names = "--force", description = "overwrite the output file")
    boolean force;

    @Option(names = "--json", description = "one JSON document on stdout")
    boolean json;
}
