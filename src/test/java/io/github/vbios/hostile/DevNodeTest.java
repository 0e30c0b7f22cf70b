package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.cli.Main;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.SampleHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 1, as root against the real names: in a private mount namespace with a
 * throw-away {@code /dev} (a tmpfs with its own device nodes and links), {@code -o /dev/null
 * --force} must be refused (exit 2) and leave the node a character device; {@code -o
 * /dev/stdout --force} and {@code -o -} must write the romfile to standard output and leave
 * {@code /dev/stdout} a link. Skipped with a message where {@code unshare -m} is refused.
 */
class DevNodeTest {
    @TempDir
    Path dir;

    @Test
    void devNullAndDevStdoutAreNeverReplaced() throws Exception {
        boolean canUnshare = HostileRun.isRoot() && HostileRun.sh("unshare", "-m", "true") == 0;
        if (!canUnshare) {
            System.out.println("DevNodeTest skipped: unshare -m is refused here (needs root)");
        }
        Assumptions.assumeTrue(canUnshare, "unshare -m refused");
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        Path host = SampleHosts.optimusLaptop(dir.resolve("host"));
        String java = String.join(" ", HostileRun.java("-Xshare:auto").stream().map(DevNodeTest::quote).toList())
                + " " + Main.class.getName();
        String script = String.join("\n",
                "mount -t tmpfs vbios-test-dev /dev || exit 90",
                "mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5; mknod -m 666 /dev/random c 1 8",
                "mknod -m 666 /dev/urandom c 1 9; ln -s /proc/self/fd /dev/fd",
                "ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr",
                "V() { " + java + " \"$@\"; }",
                "V patch " + quote(in) + " -o /dev/null --force 2>" + quote(dir.resolve("null.err"))
                        + "; echo \"null-rc=$?\"",
                "echo \"null-kind=$(stat -c %F /dev/null)\"",
                "V patch " + quote(in) + " -o /dev/stdout --force >" + quote(dir.resolve("stdout.rom"))
                        + " 2>" + quote(dir.resolve("stdout.err")) + "; echo \"stdout-rc=$?\"",
                "echo \"stdout-kind=$(stat -c %F /dev/stdout)\"",
                "V patch " + quote(in) + " -o - >" + quote(dir.resolve("dash.rom")) + " 2>/dev/null; echo \"dash-rc=$?\"",
                "V vm qemu --host-root " + quote(host) + " --device " + SampleHosts.LAPTOP_DGPU
                        + " -o /dev/null --force 2>/dev/null; echo \"vm-rc=$?\"",
                "echo \"null-kind-after-vm=$(stat -c %F /dev/null)\"");
        HostileRun.Result r = HostileRun.exec(300, List.of("unshare", "-m", "sh", "-c", script));
        if (r.code() == 90) {
            System.out.println("DevNodeTest skipped: mounting a tmpfs on /dev in the namespace is refused");
        }
        Assumptions.assumeFalse(r.code() == 90, "mounting a tmpfs on /dev in the namespace is refused");
        assertThat(r.out()).as(r.all()).contains("null-rc=2").contains("null-kind=character special file")
                .contains("stdout-rc=0").contains("stdout-kind=symbolic link").contains("dash-rc=0")
                .contains("vm-rc=2").contains("null-kind-after-vm=character special file");
        assertThat(Files.readString(dir.resolve("null.err"))).contains("/dev/null is a character device")
                .doesNotContain("Exception");
        String want = ByteSlice.of(DemoSamples.romfile()).sha256();
        assertThat(ByteSlice.of(Files.readAllBytes(dir.resolve("stdout.rom"))).sha256()).isEqualTo(want);
        assertThat(ByteSlice.of(Files.readAllBytes(dir.resolve("dash.rom"))).sha256()).isEqualTo(want);
        assertThat(Files.readString(dir.resolve("stdout.err"))).contains("wrote standard output");
    }

    private static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }
}
