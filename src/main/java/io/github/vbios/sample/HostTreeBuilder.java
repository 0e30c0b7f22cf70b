package io.github.vbios.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a fake Linux host (the parts of sysfs and procfs vbios reads) in a folder, shaped like
 * the real thing: {@code sys/devices/pci0000:00/<bridge>/<function>/} holds the attributes,
 * {@code sys/bus/pci/devices/<function>} links to it, {@code driver} and {@code iommu_group} are
 * links whose last element carries the name. Used by tests and by {@code vbios demo}.
 */
public final class HostTreeBuilder {
    private final Path root;
    private final List<Function> functions = new ArrayList<>();
    private final Set<String> modules = new LinkedHashSet<>();
    private String cmdline = "BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro quiet";
    private String cpuVendor = "GenuineIntel";
    private String iomem = "";
    private boolean iommu = true;

    private HostTreeBuilder(Path root) {
        this.root = root;
    }

    public static HostTreeBuilder at(Path root) {
        return new HostTreeBuilder(root);
    }

    public HostTreeBuilder cmdline(String text) {
        this.cmdline = text;
        return this;
    }

    public HostTreeBuilder cpuVendor(String vendor) {
        this.cpuVendor = vendor;
        return this;
    }

    /** Without an active IOMMU the kernel creates no {@code /sys/kernel/iommu_groups} entries. */
    public HostTreeBuilder iommu(boolean active) {
        this.iommu = active;
        return this;
    }

    public HostTreeBuilder modules(String... names) {
        modules.addAll(List.of(names));
        return this;
    }

    /** {@code /proc/iomem} text, as root sees it. */
    public HostTreeBuilder iomem(String text) {
        this.iomem = text;
        return this;
    }

    /** Starts a PCI function; finish it with {@link Function#add()}. */
    public Function function(String address) {
        return new Function(this, address);
    }

    /** Writes the tree and returns its root. */
    public Path build() throws IOException {
        for (Function f : functions) {
            writeFunction(f);
        }
        for (String m : modules) {
            Files.createDirectories(root.resolve("sys/module").resolve(m));
        }
        Files.createDirectories(root.resolve("sys/kernel/iommu_groups"));
        write(root.resolve("proc/cmdline"), cmdline + "\n");
        write(root.resolve("proc/iomem"), iomem);
        write(root.resolve("proc/cpuinfo"), "processor\t: 0\nvendor_id\t: " + cpuVendor + "\n");
        return root;
    }

    private void writeFunction(Function f) throws IOException {
        Path dir = root.resolve("sys/devices/pci" + f.address.substring(0, 4) + ":00");
        for (String up : f.upstream) {
            dir = dir.resolve(up);
        }
        dir = dir.resolve(f.address);
        Files.createDirectories(dir);
        write(dir.resolve("vendor"), hex4(f.vendor));
        write(dir.resolve("device"), hex4(f.device));
        write(dir.resolve("subsystem_vendor"), hex4(f.subVendor));
        write(dir.resolve("subsystem_device"), hex4(f.subDevice));
        write(dir.resolve("class"), String.format(Locale.ROOT, "0x%06x\n", f.classCode));
        write(dir.resolve("revision"), String.format(Locale.ROOT, "0x%02x\n", f.revision));
        write(dir.resolve("power_state"), f.powerState + "\n");
        write(dir.resolve("resource"), f.resourceText());
        if ((f.classCode >> 16) == 0x03) {
            write(dir.resolve("boot_vga"), f.bootVga ? "1\n" : "0\n");
        }
        if (f.acpiPath != null) {
            write(dir.resolve("firmware_node/path"), f.acpiPath + "\n");
        }
        if (f.rom != null) {
            Files.write(dir.resolve("rom"), f.rom);
        }
        link(root.resolve("sys/bus/pci/devices").resolve(f.address), dir);
        if (f.driver != null) {
            Path drv = root.resolve("sys/bus/pci/drivers").resolve(f.driver);
            Files.createDirectories(drv);
            link(dir.resolve("driver"), drv);
        }
        if (iommu && f.group >= 0) {
            Path group = root.resolve("sys/kernel/iommu_groups").resolve(Integer.toString(f.group));
            Files.createDirectories(group.resolve("devices"));
            link(group.resolve("devices").resolve(f.address), dir);
            link(dir.resolve("iommu_group"), group);
        }
    }

    /** Relative links, so the tree still works after it is copied or unpacked elsewhere. */
    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, link.getParent().relativize(target));
    }

    /** A plain write: a fake tree needs no atomic rename (and thousands of fsyncs made big trees slow). */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex4(int v) {
        return String.format(Locale.ROOT, "0x%04x\n", v);
    }

    /** One PCI function of the fake host. */
    public static final class Function {
        private final HostTreeBuilder owner;
        private final String address;
        private final List<String> upstream = new ArrayList<>();
        private final long[][] bars = new long[7][];
        private int vendor;
        private int device;
        private int subVendor;
        private int subDevice;
        private int classCode;
        private int revision = 0xa1;
        private boolean bootVga;
        private String driver;
        private int group = -1;
        private String acpiPath;
        private String powerState = "D0";
        private byte[] rom;

        private Function(HostTreeBuilder owner, String address) {
            this.owner = owner;
            this.address = address;
        }

        public Function ids(int vendorId, int deviceId) {
            this.vendor = vendorId;
            this.device = deviceId;
            return this;
        }

        public Function subsystem(int vendorId, int deviceId) {
            this.subVendor = vendorId;
            this.subDevice = deviceId;
            return this;
        }

        /** 24-bit class code, e.g. 0x030000 VGA, 0x030200 3D controller, 0x060400 PCI bridge. */
        public Function classCode(int code) {
            this.classCode = code;
            return this;
        }

        public Function bootVga() {
            this.bootVga = true;
            return this;
        }

        public Function driver(String name) {
            this.driver = name;
            return this;
        }

        public Function group(int number) {
            this.group = number;
            return this;
        }

        /** The bridges above this function, root first ({@code 0000:00:01.0}). */
        public Function behind(String... bridges) {
            upstream.addAll(List.of(bridges));
            return this;
        }

        public Function acpiPath(String path) {
            this.acpiPath = path;
            return this;
        }

        public Function powerState(String state) {
            this.powerState = state;
            return this;
        }

        /** BAR {@code index} (0-5) at {@code start}, {@code size} bytes. */
        public Function bar(int index, long start, long size) {
            bars[index] = new long[] {start, start + size - 1, 0x140204};
            return this;
        }

        /** A ROM BAR at {@code start} whose {@code rom} attribute reads {@code content}. */
        public Function rom(long start, long size, byte[] content) {
            bars[6] = new long[] {start, start + size - 1, 0x46200};
            this.rom = content.clone();
            return this;
        }

        public HostTreeBuilder add() {
            owner.functions.add(this);
            return owner;
        }

        private String resourceText() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 13; i++) {
                long[] b = i < bars.length ? bars[i] : null;
                sb.append(b == null ? "0x0000000000000000 0x0000000000000000 0x0000000000000000"
                        : String.format(Locale.ROOT, "0x%016x 0x%016x 0x%016x", b[0], b[1], b[2])).append('\n');
            }
            return sb.toString();
        }
    }
}
