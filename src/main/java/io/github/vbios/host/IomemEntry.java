package io.github.vbios.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One line of {@code /proc/iomem}: {@code start-end : name}, nested by two spaces per level.
 * Without root the kernel prints zero addresses; such entries are kept (name only) and flagged.
 */
public record IomemEntry(long start, long end, String name, int depth) {
    /** Names of the boot framebuffers that hold a GPU BAR until a driver takes over. */
    private static final List<String> FRAMEBUFFERS = List.of("bootfb", "efifb", "simpledrm", "vesafb",
            "simple-framebuffer");

    public boolean isFramebuffer() {
        String n = name.toLowerCase(Locale.ROOT);
        return FRAMEBUFFERS.stream().anyMatch(n::startsWith);
    }

    /** The kernel hides addresses from non-root readers by printing zeros. */
    public boolean addressesHidden() {
        return start == 0 && end == 0;
    }

    /** Parses the whole file; lines that do not match the form are skipped. */
    public static List<IomemEntry> parseAll(String text) {
        List<IomemEntry> out = new ArrayList<>();
        for (String line : text.split("\n", 100_000)) {
            int colon = line.indexOf(" : ");
            int dash = line.indexOf('-');
            if (colon < 0 || dash < 0 || dash > colon) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            OptionalLong s = hex(line.substring(indent, dash));
            OptionalLong e = hex(line.substring(dash + 1, colon));
            if (s.isPresent() && e.isPresent()) {
                out.add(new IomemEntry(s.getAsLong(), e.getAsLong(), line.substring(colon + 3).trim(), indent / 2));
            }
        }
        return out;
    }

    private static OptionalLong hex(String t) {
        String d = t.trim();
        if (d.isEmpty() || d.length() > 16 || !d.chars().allMatch(SysfsFiles::isHexDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseUnsignedLong(d, 16));
    }
}
