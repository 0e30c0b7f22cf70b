package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Lazy initialisation, checked in a fresh JVM: {@code vbios --version} (the jar's entry point,
 * {@link Launcher}) and building the whole picocli tree ({@code --help}) load none of Jackson,
 * Commons Compress, XZ or Brotli. A command class with a field or method of such a type pulls it
 * in for every run, because picocli reflects over every command's members: JSON rendering lives
 * in separate *Json classes for that reason.
 */
class StartupPathTest {
    private static final List<String> HEAVY = List.of(
            "com.fasterxml.jackson.", "org.apache.commons.compress.", "org.tukaani.", "org.brotli.");

    @ParameterizedTest
    @ValueSource(strings = {"io.github.vbios.cli.Launcher --version",
                            "io.github.vbios.cli.Launcher --version --json",
                            "io.github.vbios.cli.Main --version",
                            "io.github.vbios.cli.Main --help"})
    void startUpLoadsNoHeavyLibrary(String mainAndArgs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-verbose:class",
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(mainAndArgs.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isIn(0, 2);
        List<String> heavy = output.lines()
                .filter(l -> l.contains("[class,load]"))
                .filter(l -> HEAVY.stream().anyMatch(l::contains))
                .collect(Collectors.toList());
        assertThat(heavy).as("classes loaded by " + mainAndArgs).isEmpty();
        assertThat(output).contains("io.github.vbios.cli.VersionProvider");
        if (mainAndArgs.startsWith("io.github.vbios.cli.Launcher")) {
            // the fast path prints VersionProvider's text without building the picocli tree
            assertThat(output).as(mainAndArgs).doesNotContain("] " + CommandLine.class.getName() + " source")
                    .doesNotContain(VbiosCommand.class.getName());
        }
    }
}
