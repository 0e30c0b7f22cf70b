package io.github.vbios.acpi;

import io.github.vbios.io.VbiosException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute ACPI namespace path such as {@code \_SB.PCI0.S08.S00}: where the GPU's {@code _ROM}
 * must live. Segments are kept as 4-character NameSegs ({@code S08_}); {@link #toString()} prints
 * them the way {@code iasl -d} does (trailing underscores dropped).
 *
 * <p>QEMU names every PCI function {@code S%02X} of {@code devfn = slot << 3 | function} under
 * the node of its parent bridge, below the host bridge {@code \_SB.PCI0}; bus numbers never
 * appear (acpi-vm.md 1.2).
 */
public final class AcpiPath {
    /** Up to 16 segments: deeper paths are mistakes, not PCI topologies. */
    private static final int MAX_DEPTH = 16;
    private static final Pattern SEGMENT = Pattern.compile("[A-Z_][A-Z0-9_]{0,3}");
    private static final Pattern BDF = Pattern.compile(
            "(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");
    /** Proxmox pcie=1: hostpci0..3 behind ports at 1c.0-1c.3, 4..11 at 10.0-10.7, 12..15 at 11.0-11.3. */
    private static final int PROXMOX_MAX_HOSTPCI = 15;

    private final List<String> segments;

    private AcpiPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses {@code \_SB.PCI0.S08.S00}. The leading backslash is optional (shells like to eat it);
     * lower-case letters are accepted and upper-cased; short segments are padded with {@code _}.
     */
    public static AcpiPath parse(String text) {
        String t = text == null ? "" : text.trim();
        while (t.startsWith("\\")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            throw usage("empty ACPI path; expected something like \\_SB.PCI0.S08.S00");
        }
        String[] parts = t.toUpperCase(Locale.ROOT).split("\\.", -1);
        if (parts.length > MAX_DEPTH) {
            throw usage("ACPI path " + text + " has " + parts.length + " segments; at most " + MAX_DEPTH);
        }
        List<String> segs = new ArrayList<>();
        for (String p : parts) {
            if (!SEGMENT.matcher(p).matches()) {
                throw usage("ACPI path " + text + ": segment '" + p + "' is not a name of 1-4 characters "
                        + "(A-Z, 0-9, _; not starting with a digit)");
            }
            segs.add(pad(p));
        }
        return new AcpiPath(segs);
    }

    /** The path of a NameSeg list (each padded to 4 characters). */
    public static AcpiPath of(List<String> segments) {
        return parse(String.join(".", segments));
    }

    /**
     * The path QEMU gives the function at guest address {@code bdf} ({@code 01:00.0}), reached
     * through {@code rootPortChain} (the bridges from the root bus outwards, e.g. {@code 00:1c.0};
     * empty for a device on the root bus). Only slots and functions matter; bus numbers are
     * checked for plausibility only.
     */
    public static AcpiPath fromGuestAddress(String bdf, List<String> rootPortChain) {
        int[] dev = parseBdf(bdf);
        List<String> segs = new ArrayList<>(List.of("_SB_", "PCI0"));
        if (rootPortChain.isEmpty() && dev[0] != 0) {
            throw usage("guest address " + bdf + " is on bus " + String.format("%02x", dev[0])
                    + ", behind a bridge: name the root port it sits on with --root-port (e.g. 00:1c.0)");
        }
        for (int i = 0; i < rootPortChain.size(); i++) {
            int[] hop = parseBdf(rootPortChain.get(i));
            if (i == 0 && hop[0] != 0) {
                throw usage("root port " + rootPortChain.get(i) + " must be on bus 00 (the root bus)");
            }
            segs.add(segment(hop[1], hop[2]));
        }
        segs.add(segment(dev[1], dev[2]));
        return new AcpiPath(segs);
    }

    /**
     * The path of Proxmox VE's {@code hostpciN} with {@code pcie=1} on q35: function 0 behind
     * the root port {@code ich9-pcie-port-(N+1)} (acpi-vm.md 3.3; proxmox/qemu-server PCI.pm).
     */
    public static AcpiPath fromProxmoxHostpci(int index) {
        if (index < 0 || index > PROXMOX_MAX_HOSTPCI) {
            throw usage("Proxmox hostpci index " + index + " is out of range 0-" + PROXMOX_MAX_HOSTPCI);
        }
        int slot;
        int fn;
        if (index < 4) {
            slot = 0x1c;
            fn = index;
        } else if (index < 12) {
            slot = 0x10;
            fn = index - 4;
        } else {
            slot = 0x11;
            fn = index - 12;
        }
        return new AcpiPath(List.of("_SB_", "PCI0", segment(slot, fn), "S00_"));
    }

    /** QEMU's NameSeg for a function: {@code S} + two upper-case hex digits of devfn, padded. */
    public static String segment(int slot, int function) {
        if (slot < 0 || slot > 0x1f || function < 0 || function > 7) {
            throw usage("PCI slot " + slot + " / function " + function + " out of range (slot 0-1f, function 0-7)");
        }
        return String.format(Locale.ROOT, "S%02X_", slot << 3 | function);
    }

    /** {@code [bus, slot, function]} of {@code [DDDD:]BB:SS.F}. */
    static int[] parseBdf(String text) {
        Matcher m = BDF.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw usage("'" + text + "' is not a PCI address like 01:00.0 or 0000:01:00.0");
        }
        int bus = Integer.parseInt(m.group(2), 16);
        int slot = Integer.parseInt(m.group(3), 16);
        int fn = Integer.parseInt(m.group(4));
        if (slot > 0x1f) {
            throw usage("PCI address " + text + ": slot " + m.group(3) + " is over 1f");
        }
        return new int[] {bus, slot, fn};
    }

    private static String pad(String seg) {
        StringBuilder b = new StringBuilder(seg);
        while (b.length() < 4) {
            b.append('_');
        }
        return b.toString();
    }

    private static VbiosException usage(String message) {
        return new VbiosException(VbiosException.Kind.USAGE, message);
    }

    /** The 4-character NameSegs from the root, e.g. {@code [_SB_, PCI0, S08_, S00_]}. */
    public List<String> segments() {
        return segments;
    }

    public int depth() {
        return segments.size();
    }

    /** The last NameSeg (4 characters). */
    public String name() {
        return segments.get(segments.size() - 1);
    }

    /** The parent node's path (one segment less; a one-segment path has the root, printed {@code \}, as parent). */
    public AcpiPath parent() {
        return new AcpiPath(segments.subList(0, segments.size() - 1));
    }

    /** {@code \_SB.PCI0.S08.S00} as iasl prints it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("\\");
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(trim(segments.get(i)));
        }
        return b.toString();
    }

    /** A NameSeg without its padding ({@code S08_} -> {@code S08}); never empty. */
    static String trim(String seg) {
        int end = seg.length();
        while (end > 1 && seg.charAt(end - 1) == '_') {
            end--;
        }
        return seg.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcpiPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
