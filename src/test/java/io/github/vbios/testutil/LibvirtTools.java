package io.github.vbios.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * libvirt's own consumers of a domain XML: {@code virt-xml-validate} (libvirt's RNG schema,
 * Debian libvirt-clients + libxml2-utils) and {@code virsh define} on a session libvirtd run as
 * the unprivileged user {@code nobody} ({@code qemu:///session}, Debian libvirt-daemon). Tests
 * skip with a message when a tool is missing; .ci/run installs them.
 */
public final class LibvirtTools {
    private LibvirtTools() {
    }

    /** The outcome of one tool run. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** Skips the calling test unless virt-xml-validate and the xmllint it calls are installed. */
    public static void requireValidator() {
        Tools.require("virt-xml-validate", "virt-xml-validate is not installed (apt install libvirt-clients); "
                + "libvirt schema check skipped");
        Tools.require("xmllint", "xmllint is not installed (apt install libxml2-utils); libvirt schema check skipped");
    }

    /** {@code virt-xml-validate FILE domain}. */
    public static Result validate(String xml, Path dir) throws IOException, InterruptedException {
        requireValidator();
        Path f = Files.createTempFile(dir, "domain", ".xml");
        Files.writeString(f, xml);
        return run(List.of("virt-xml-validate", f.toString(), "domain"), null);
    }

    /**
     * A session libvirtd for {@code nobody} with its home in {@code dir}; skips the test when it
     * cannot be reached (not root, no runuser, no libvirtd).
     */
    public static Session session(Path dir) throws IOException, InterruptedException {
        Tools.require("virsh", "virsh is not installed (apt install libvirt-clients); virsh define check skipped");
        Tools.require("libvirtd", "libvirtd is not installed (apt install libvirt-daemon); virsh define check skipped");
        Path runuser = Tools.onPath("runuser");
        Assumptions.assumeTrue(runuser != null && "root".equals(System.getProperty("user.name")),
                "virsh define as an unprivileged session user needs root and runuser; skipped");
        Path home = Files.createDirectories(dir.resolve("libvirt-home"));
        // nobody must reach its home through the test's temporary folders
        for (Path p = home; p != null && p.startsWith(dir.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Session s = new Session(home);
        Result probe = s.virsh("uri");
        Assumptions.assumeTrue(probe.ok(), "no session libvirtd for nobody: " + probe.output() + "; skipped");
        return s;
    }

    /** virsh as {@code nobody} on {@code qemu:///session}. */
    public static final class Session {
        private final Path home;

        Session(Path home) {
            this.home = home;
        }

        public Result virsh(String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "env", "HOME=" + home,
                    "XDG_RUNTIME_DIR=" + home.resolve("run"), "XDG_CONFIG_HOME=" + home.resolve("config"),
                    "XDG_CACHE_HOME=" + home.resolve("cache"), "XDG_DATA_HOME=" + home.resolve("data"),
                    "virsh", "-q", "-c", "qemu:///session"));
            cmd.addAll(List.of(args));
            return run(cmd, null);
        }

        /**
         * {@code virsh define} of the XML, then {@code virsh dumpxml} of what libvirt stored, then
         * undefine; the dumped XML is the result's output on success. {@code type='kvm'} becomes
         * {@code 'qemu'}: nobody cannot open /dev/kvm, and libvirt would refuse the domain type,
         * not our devices.
         */
        public Result defineAndDump(String xml, String file) throws IOException, InterruptedException {
            String body = xml.replaceFirst("<domain([^>]*) type=[\"']kvm[\"']", "<domain$1 type='qemu'");
            if (Tools.onPath("swtpm") == null && body.contains("<tpm")) {
                // libvirt needs swtpm for an emulated TPM ("TPM version '2.0' is not supported"); not ours
                System.out.println("swtpm is not installed: the emulated <tpm> is left out for virsh define");
                body = body.replaceAll("(?s)<tpm .*?</tpm>", "");
            }
            Matcher m = Pattern.compile("<name>([^<]+)</name>").matcher(body);
            String name = m.find() ? m.group(1) : file;
            Path f = home.resolve(file + ".xml");
            Files.writeString(f, body);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            Result def = virsh("define", f.toString());
            if (!def.ok()) {
                return def;
            }
            try {
                return virsh("dumpxml", name);
            } finally {
                virsh("undefine", name, "--nvram");
            }
        }
    }

    public static Result run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
        } catch (IOException e) {
            // the process ended before reading its input: its output and exit status say why
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
