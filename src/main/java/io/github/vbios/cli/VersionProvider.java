package io.github.vbios.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Version, build commit and Java runtime for {@code vbios --version}. The commit comes from
 * {@code version.properties}, filled by the build from {@code git rev-parse}; it reads
 * "unknown" when the jar was built outside a git checkout. Deliberately free of Jackson and of
 * anything else heavy: {@code --version} is the start-up benchmark.
 */
public final class VersionProvider implements IVersionProvider {
    /** What {@code --version} reports, text or JSON. */
    public record BuildInfo(String version, String commit, String javaVersion, String javaVm, String javaVendor) {
    }

    @Override
    public String[] getVersion() {
        return lines(current());
    }

    /**
     * The whole answer to {@code vbios --version} ({@code json}: to {@code --version --json}),
     * without the final line break: the one place it is made, printed by {@link Launcher}'s fast
     * path and by {@link VbiosCommand} alike.
     */
    public static String text(boolean json) {
        BuildInfo b = current();
        return json ? json(b) : String.join(System.lineSeparator(), lines(b));
    }

    private static String[] lines(BuildInfo b) {
        return new String[] {
            "vbios " + b.version() + " (commit " + b.commit() + ")",
            "Java " + b.javaVersion() + " (" + b.javaVm() + ", " + b.javaVendor() + ")",
        };
    }

    /** The running build and JVM. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource only means we cannot say which build this is.
        }
        return new BuildInfo(filled(p.getProperty("version"), "dev"), filled(p.getProperty("commit"), "unknown"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vendor"));
    }

    /** Unfiltered placeholders (an IDE build without Maven) read as the fallback. */
    private static String filled(String value, String fallback) {
        return value == null || value.isBlank() || value.contains("${") ? fallback : value.trim();
    }

    /** The JSON document of {@code --version --json}, written by hand so Jackson stays unloaded. */
    public static String json(BuildInfo b) {
        return "{\n"
                + "  \"schema\" : " + Json.SCHEMA + ",\n"
                + "  \"version\" : " + quote(b.version()) + ",\n"
                + "  \"commit\" : " + quote(b.commit()) + ",\n"
                + "  \"javaVersion\" : " + quote(b.javaVersion()) + ",\n"
                + "  \"javaVm\" : " + quote(b.javaVm()) + ",\n"
                + "  \"javaVendor\" : " + quote(b.javaVendor()) + "\n"
                + "}";
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
