package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.cli.Main;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 point 1: under umask 022 every artefact of {@code patch}, {@code extract}, {@code ssdt},
 * {@code vm} and {@code optimus} is 0644 (folders 0755), not the 0600 of a temporary file, and an
 * unprivileged user (QEMU as libvirt-qemu, nobody here) can open every one. {@code vbios demo}
 * runs all five commands in a child JVM started with that umask.
 */
class FileModeTest {
    @TempDir
    Path dir;

    @Test
    void everyArtefactHasTheUmaskModeAndOthersCanReadIt() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path demo = dir.resolve("demo");
        List<String> java = HostileRun.java("-Xshare:auto");
        StringBuilder cmd = new StringBuilder("umask 022 && exec");
        for (String a : java) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        cmd.append(' ').append(Main.class.getName()).append(" demo --quiet -o '").append(demo).append("'");
        HostileRun.Result r = HostileRun.exec(300, List.of("sh", "-c", cmd.toString()));
        assertThat(r.code()).as(r.all()).isZero();
        Map<String, String> modes = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> s = Files.walk(demo)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--";
                modes.put(demo.relativize(p).toString(), mode);
                if (!mode.equals(want)) {
                    wrong.add(demo.relativize(p) + " " + mode);
                }
            }
        }
        for (String artefact : new String[] {"romfile.rom", "start-vm.sh", "extracted/report.json",
            "ssdt/vbios-rom.aml", "ssdt/vbios-ssdt.json", "optimus/NEXT-STEPS.md", "optimus/ssdt/vbios-rom.aml"}) {
            assertThat(modes).containsEntry(artefact, "rw-r--r--");
        }
        assertThat(wrong).as("files not 0644 / folders not 0755").isEmpty();

        boolean canDrop = HostileRun.isRoot() && HostileRun.sh("setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", "true") == 0;
        if (!canDrop) {
            System.out.println("FileModeTest: not root (or no setpriv): the read as user nobody is skipped");
        }
        Assumptions.assumeTrue(canDrop, "cannot drop to user nobody");
        HostileRun.Result asNobody = HostileRun.exec(120, List.of("setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", "sh", "-c", "find \"$1\" -type f | while read -r f; do cat \"$f\" >/dev/null 2>&1 "
                        + "|| echo \"DENIED $f\"; done; echo checked", "sh", demo.toString()));
        assertThat(asNobody.out()).as(asNobody.all()).contains("checked").doesNotContain("DENIED");
    }
}
