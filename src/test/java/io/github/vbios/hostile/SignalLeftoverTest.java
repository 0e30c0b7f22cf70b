package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.DemoSamples;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interrupted writes (issue 12 point 8): a child JVM holding a work file between write and
 * rename, or a staged output folder before its commit, is stopped by SIGINT, SIGTERM or SIGHUP
 * and must leave no {@code .part} behind; one left by SIGKILL is vbios's own leftover, removed by
 * the next run instead of making the folder "not empty".
 */
class SignalLeftoverTest {
    @TempDir
    Path dir;

    private Process hold(String mode, Path target) throws Exception {
        List<String> cmd = new ArrayList<>(HostileRun.java("-Xshare:auto"));
        cmd.add(PartHolder.class.getName());
        cmd.add(mode);
        cmd.add(target.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("child said READY").isEqualTo("READY");
        assertThat(HostileRun.parts(dir)).as("the child holds work files").isNotEmpty();
        return p;
    }

    private static void signal(Process p, String sig) throws Exception {
        // the shell's own kill: a minimal Debian has no /bin/kill (procps)
        assertThat(HostileRun.sh("sh", "-c", "kill -" + sig + " " + p.pid())).isZero();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"file,INT", "file,TERM", "file,HUP", "folder,INT", "folder,TERM", "folder,HUP"})
    void aSignalLeavesNoPartFile(String mode, String sig) throws Exception {
        Path target = dir.resolve("out").resolve(mode.equals("file") ? "gpu.rom" : "set");
        Files.createDirectories(target.getParent());
        Process p = hold(mode, target);
        signal(p, sig);
        assertThat(HostileRun.parts(dir)).as("work files after SIG" + sig).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aPartLeftBySigkillIsRemovedByTheNextRun() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Process p = hold("file", out.resolve("vbios_10de_1fb9.rom"));
        signal(p, "KILL");
        assertThat(HostileRun.parts(out)).hasSize(1);
        Path in = Files.write(dir.resolve("dump.rom"), DemoSamples.flashDump());
        HostileRun.Result r = HostileRun.run(60, "extract", in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(HostileRun.parts(dir)).isEmpty();
        assertThat(out.resolve("report.json")).exists();
    }
}
