package io.github.vbios.host;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One line of a device's sysfs {@code resource} file: start, end and flags of a BAR. Lines 0-5
 * are the BARs, line 6 the expansion ROM BAR (Linux {@code PCI_ROM_RESOURCE}); an unused BAR
 * reads as all zeros.
 */
public record PciResource(int index, long start, long end, long flags) {
    /** Linux numbers the expansion ROM resource 6. */
    public static final int ROM_INDEX = 6;

    public boolean isUsed() {
        return end > start || start != 0;
    }

    /** Size in bytes; 0 when unused. */
    public long size() {
        return isUsed() && end >= start ? end - start + 1 : 0;
    }

    public boolean contains(long from, long to) {
        return isUsed() && from >= start && to <= end;
    }

    /** Parses the whole file; lines that are not three hex numbers are skipped. */
    public static List<PciResource> parseAll(String text) {
        List<PciResource> out = new ArrayList<>();
        String[] lines = text.split("\n", 64);
        for (int i = 0; i < lines.length && i < 17; i++) {
            String[] f = lines[i].trim().split("\\s+", -1);
            if (f.length != 3) {
                continue;
            }
            OptionalLong s = parseHex(f[0]);
            OptionalLong e = parseHex(f[1]);
            OptionalLong fl = parseHex(f[2]);
            if (s.isPresent() && e.isPresent() && fl.isPresent()) {
                out.add(new PciResource(i, s.getAsLong(), e.getAsLong(), fl.getAsLong()));
            }
        }
        return out;
    }

    private static OptionalLong parseHex(String t) {
        String d = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (d.isEmpty() || d.length() > 16 || !d.chars().allMatch(SysfsFiles::isHexDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseUnsignedLong(d, 16));
    }
}
