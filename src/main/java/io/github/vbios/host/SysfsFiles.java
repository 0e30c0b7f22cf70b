package io.github.vbios.host;

import io.github.vbios.io.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tolerant reads of sysfs/procfs attributes. Nothing here throws on an odd file (missing, empty,
 * unreadable, garbage, huge): the caller gets an empty Optional and, where it matters, a
 * {@link Finding} on the shared list. Reads are capped, because a fake or broken tree may hold
 * anything at those paths.
 */
final class SysfsFiles {
    /** Text attributes are short; /proc/iomem on a big host is ~30 KiB. */
    static final int TEXT_LIMIT = 1 << 20;

    private final List<Finding> findings;

    SysfsFiles(List<Finding> findings) {
        this.findings = findings;
    }

    List<Finding> findings() {
        return findings;
    }

    /** The file's text, trimmed; empty when missing or unreadable (a finding is recorded then). */
    Optional<String> text(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO would block the open forever; sysfs and procfs attributes are regular files
            note(HostCode.FILE_NOT_REGULAR, file, "is not a regular file (a FIFO or device?); not read");
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(TEXT_LIMIT);
            return Optional.of(new String(b, StandardCharsets.ISO_8859_1).trim());
        } catch (IOException | RuntimeException e) {
            note(HostCode.FILE_UNREADABLE, file, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** A hex attribute such as {@code 0x10de}; empty (with a finding) when it is not hex. */
    Optional<Integer> hex(Path file, int maxValue) {
        Optional<String> t = text(file);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String s = t.get();
        String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(SysfsFiles::isHexDigit)) {
            note(HostCode.VALUE_NOT_HEX, file, "holds '" + shorten(s) + "', not a hex number");
            return Optional.empty();
        }
        long v = Long.parseLong(digits, 16);
        if (v > maxValue) {
            note(HostCode.VALUE_TOO_LARGE, file, "holds " + s + ", larger than " + maxValue);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    /** A decimal attribute ({@code boot_vga}); empty when missing or not a number. */
    Optional<Long> decimal(Path file) {
        Optional<String> t = text(file);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String s = t.get();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            note(HostCode.VALUE_NOT_NUMBER, file, "holds '" + shorten(s) + "', not a number");
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    /** The last path element of a symlink target ({@code driver -> ../../bus/pci/drivers/vfio-pci}). */
    Optional<String> linkName(Path link) {
        try {
            if (!Files.isSymbolicLink(link)) {
                return Optional.empty();
            }
            Path target = Files.readSymbolicLink(link).getFileName();
            return target == null ? Optional.empty() : Optional.of(target.toString());
        } catch (IOException | RuntimeException e) {
            note(HostCode.LINK_UNREADABLE, link, "is a link that cannot be read");
            return Optional.empty();
        }
    }

    /** Names in a folder, sorted; empty when it is missing or unreadable. */
    List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.limit(65536).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            note(HostCode.FOLDER_UNLISTABLE, dir, "cannot be listed");
        }
        names.sort(null);
        return names;
    }

    void note(HostCode code, Path file, String what) {
        findings.add(Finding.warning(code, -1, file + " " + what));
    }

    static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static String shorten(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
