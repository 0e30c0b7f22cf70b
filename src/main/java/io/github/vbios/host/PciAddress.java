package io.github.vbios.host;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function address as sysfs names it ({@code 0000:01:00.0}): domain, bus, device (slot),
 * function. {@link #parse} also takes the lspci short form {@code 01:00.0}.
 */
public record PciAddress(int domain, int bus, int slot, int function) implements Comparable<PciAddress> {
    private static final Pattern FORM = Pattern.compile(
            "(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

    public PciAddress {
        if (domain < 0 || domain > 0xFFFF || bus < 0 || bus > 0xFF || slot < 0 || slot > 0x1F
                || function < 0 || function > 7) {
            throw new IllegalArgumentException("PCI address out of range");
        }
    }

    /** Parses {@code 0000:01:00.0} or {@code 01:00.0}; empty when the text is not an address. */
    public static Optional<PciAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int slot = Integer.parseInt(m.group(3), 16);
        if (slot > 0x1F) {
            return Optional.empty();
        }
        int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        return Optional.of(new PciAddress(domain, Integer.parseInt(m.group(2), 16), slot,
                Integer.parseInt(m.group(4))));
    }

    /** The same slot (device), another function: the sibling functions of a multifunction card. */
    public boolean sameSlot(PciAddress other) {
        return domain == other.domain && bus == other.bus && slot == other.slot;
    }

    /** {@code slot << 3 | function}: the number QEMU's ACPI names ({@code Sxx}) are built from. */
    public int devfn() {
        return slot << 3 | function;
    }

    /** {@code 0000:01:00}: the slot without function, as Proxmox {@code hostpciN} takes it. */
    public String slotText() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x", domain, bus, slot);
    }

    @Override
    public String toString() {
        return slotText() + "." + function;
    }

    @Override
    public int compareTo(PciAddress o) {
        return Integer.compare(key(), o.key());
    }

    private int key() {
        return domain << 16 | bus << 8 | devfn();
    }
}
