package io.github.vbios.host;

import io.github.vbios.io.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Linux host through sysfs and procfs under a root folder ({@code /} for the real host,
 * a tree built by {@code sample.HostTreeBuilder} in tests and bug reports). Never throws on odd
 * files: every value that cannot be read becomes "unknown" plus a finding.
 */
public final class HostReader {
    /** Modules whose presence changes advice; others are not listed. */
    static final List<String> MODULES_OF_INTEREST = List.of("vfio", "vfio_pci", "vfio_iommu_type1",
            "vfio_pci_core", "nvidia", "nouveau", "amdgpu", "radeon", "i915", "xe", "acpi_call", "kvm",
            "kvm_intel", "kvm_amd");

    private final Path root;

    public HostReader(Path root) {
        this.root = root;
    }

    /** The real host. */
    public static HostReader system() {
        return new HostReader(Path.of("/"));
    }

    public Path root() {
        return root;
    }

    /** Where the sysfs folder of one function lives under this root. */
    public Path deviceDir(PciAddress address) {
        return root.resolve("sys/bus/pci/devices").resolve(address.toString());
    }

    /**
     * Reads the tree. Never throws on an odd, unreadable or missing tree: what could not be read is
     * in the snapshot's findings, and a tree without {@code sys/bus/pci/devices} has no devices.
     */
    public HostSnapshot snapshot() {
        List<Finding> findings = new ArrayList<>();
        SysfsFiles fs = new SysfsFiles(findings);
        List<PciDevice> devices = new ArrayList<>();
        for (String name : fs.list(root.resolve("sys/bus/pci/devices"))) {
            Optional<PciAddress> a = PciAddress.parse(name);
            if (a.isEmpty()) {
                findings.add(Finding.warning(HostCode.NOT_A_PCI_ADDRESS,
                        -1, "sys/bus/pci/devices/" + SysfsFiles.shorten(name)
                        + " is not a PCI address; skipped"));
                continue;
            }
            devices.add(new PciDeviceReader(fs, deviceDir(a.get())).read(a.get()));
        }
        devices.sort((x, y) -> x.address().compareTo(y.address()));
        KernelCmdline cmdline = KernelCmdline.parse(fs.text(root.resolve("proc/cmdline")).orElse(""));
        List<IomemEntry> iomem = IomemEntry.parseAll(fs.text(root.resolve("proc/iomem")).orElse(""));
        String cpuinfo = fs.text(root.resolve("proc/cpuinfo")).orElse("");
        KernelRelease kernel = KernelRelease.of(fs.text(root.resolve("proc/sys/kernel/osrelease")).orElse(""), cmdline);
        return new HostSnapshot(root.toString(), devices, groups(fs), cmdline, modules(fs), iomem,
                cpuField(cpuinfo, "vendor_id"), (" " + cpuField(cpuinfo, "flags") + " ").contains(" hypervisor "),
                findings, kernel);
    }

    private List<IommuGroup> groups(SysfsFiles fs) {
        List<IommuGroup> groups = new ArrayList<>();
        Path base = root.resolve("sys/kernel/iommu_groups");
        for (String n : fs.list(base)) {
            if (n.isEmpty() || n.length() > 9 || !n.chars().allMatch(Character::isDigit)) {
                continue;
            }
            List<PciAddress> members = new ArrayList<>();
            for (String m : fs.list(base.resolve(n).resolve("devices"))) {
                PciAddress.parse(m).ifPresent(members::add);
            }
            members.sort(null);
            groups.add(new IommuGroup(Integer.parseInt(n), members));
        }
        groups.sort((x, y) -> Integer.compare(x.number(), y.number()));
        return groups;
    }

    private List<String> modules(SysfsFiles fs) {
        List<String> present = fs.list(root.resolve("sys/module"));
        return MODULES_OF_INTEREST.stream().filter(present::contains).toList();
    }

    /** The first {@code name : value} line of /proc/cpuinfo (the first CPU describes them all). */
    private static String cpuField(String cpuinfo, String name) {
        for (String line : cpuinfo.split("\n", 200)) {
            if (line.startsWith(name)) {
                int c = line.indexOf(':');
                return c < 0 ? "" : line.substring(c + 1).trim();
            }
        }
        return "";
    }

    /** Resolves {@code path} without following it outside the tree when it is a fake one. */
    static Optional<Path> realPath(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
