package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.DesktopHosts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.6: a signal while {@code dump} reads the ROM used to leave {@code 1} in the {@code rom}
 * attribute (the ROM BAR enabled). A child JVM blocks in the read; the test signals it and checks
 * that {@code 0} was written before it exited.
 */
class DumpSignalTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void signalDisablesTheRomAgain(String signal) throws Exception {
        Path host = DesktopHosts.amdDesktop(tmp.resolve("host"));
        Path attr = Files.writeString(tmp.resolve("rom-attribute"), "-");
        Path image = host.resolve("sys/bus/pci/devices/0000:0a:00.0/rom");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), DumpSignalChild.class.getName(),
                attr.toString(), image.toString(), "dump", "0a:00.0", "--host-root", host.toString(), "-o",
                tmp.resolve("gpu.rom").toString())).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READING")) {
                // start-up output, if any
            }
            assertThat(line).as("the child reached the read").isEqualTo("READING");
            assertThat(Files.readString(attr)).as("enabled before the read").isEqualTo("1");
            // the shell's kill builtin: /bin/kill (procps) is not on every minimal system
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child ended after SIG" + signal).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(attr)).as("0 written on SIG" + signal).isEqualTo("0");
        assertThat(tmp.resolve("gpu.rom")).doesNotExist();
    }
}
