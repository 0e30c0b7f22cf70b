package io.github.vbios.host;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running kernel's release ({@code /proc/sys/kernel/osrelease}, e.g. {@code 6.8.12-4-pve}); when
 * that file is missing, the version in the command line's {@code BOOT_IMAGE=/boot/vmlinuz-6.1.0-13-amd64}.
 *
 * @param text  the release as read, or empty when unknown
 * @param major major version, or -1 when unknown
 * @param minor minor version, or -1 when unknown
 */
public record KernelRelease(String text, int major, int minor) {
    public static final KernelRelease UNKNOWN = new KernelRelease("", -1, -1);
    private static final Pattern VERSION = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern BOOT_IMAGE = Pattern.compile("vmlinuz-(\\d{1,3}\\.\\d{1,3}[^\\s/]*)");

    public static KernelRelease of(String osrelease, KernelCmdline cmdline) {
        String t = osrelease == null ? "" : osrelease.trim();
        if (t.isEmpty()) {
            Matcher m = BOOT_IMAGE.matcher(cmdline.value("BOOT_IMAGE").orElse(""));
            t = m.find() ? m.group(1) : "";
        }
        Matcher v = VERSION.matcher(t);
        if (t.length() > 200 || !v.lookingAt()) {
            return UNKNOWN;
        }
        return new KernelRelease(t, Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)));
    }

    public boolean known() {
        return major >= 0;
    }

    /** Whether the kernel is at least {@code major.minor}; empty when the release is unknown. */
    public Optional<Boolean> atLeast(int wantMajor, int wantMinor) {
        if (!known()) {
            return Optional.empty();
        }
        return Optional.of(major > wantMajor || major == wantMajor && minor >= wantMinor);
    }
}
