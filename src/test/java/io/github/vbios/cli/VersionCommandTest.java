package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VersionCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesBuildCommitAndJava() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        VersionProvider.BuildInfo b = VersionProvider.current();
        assertThat(r.out()).startsWith("vbios " + b.version() + " (commit " + b.commit() + ")")
                .contains("Java " + System.getProperty("java.version"));
        // Built by Maven: the commit is a hex hash from git, or "unknown" outside a checkout.
        assertThat(b.commit()).matches("[0-9a-f]{7,40}|unknown");
        assertThat(b.version()).doesNotContain("${");
    }

    @Test
    void versionJsonIsOneSchemaOneDocument() throws Exception {
        Run r = run("--version", "--json");
        assertThat(r.code()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("schema").asInt()).isEqualTo(1);
        assertThat(n.get("version").asText()).isEqualTo(VersionProvider.current().version());
        assertThat(n.get("commit").asText()).isNotBlank();
        assertThat(n.get("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(n.has("javaVm")).isTrue();
    }

    @Test
    void launcherFastPathRecognisesOnlyVersionRequests() {
        assertThat(Launcher.isVersionOnly(new String[] {"--version"})).isTrue();
        assertThat(Launcher.isVersionOnly(new String[] {"-V"})).isTrue();
        assertThat(Launcher.isVersionOnly(new String[] {"--json", "--version"})).isTrue();
        assertThat(Launcher.isVersionOnly(new String[] {"--version", "x"})).isFalse();
        assertThat(Launcher.isVersionOnly(new String[] {"info", "--version"})).isFalse();
        assertThat(Launcher.isVersionOnly(new String[] {"--json", "--json"})).isFalse();
        assertThat(Launcher.isVersionOnly(new String[] {})).isFalse();
    }

    @Test
    void jsonQuotingEscapesControlCharacters() {
        assertThat(VersionProvider.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        Run r = run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("Usage: vbios").contains("Exit status:");
    }

    @Test
    void completionBashAndZsh() {
        Run bash = run("completion", "bash");
        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("optimus").contains("extract");
        Run zsh = run("completion", "zsh");
        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).contains("compinit").contains("complete -F").doesNotStartWith("#!");
        assertThat(run("completion", "fish").code()).isEqualTo(ExitCodes.USAGE);
    }
}
