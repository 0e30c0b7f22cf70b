package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.testutil.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every FFS file GUID that {@code UEFIExtract FILE report} lists is also in our walk (issue 5). */
class UefiExtractPeerTest {
    private static final Pattern FILE_LINE = Pattern.compile("^ File .*\\| -+ ([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})");

    @TempDir
    Path tmp;

    private static boolean installed() {
        return ExternalTools.system().find("UEFIExtract").isPresent();
    }

    private Set<String> uefiExtractFiles(Path input) throws IOException, InterruptedException {
        Path copy = tmp.resolve(input.getFileName());
        Files.copy(input, copy);
        Process p = new ProcessBuilder("UEFIExtract", copy.getFileName().toString(), "report").directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path report = tmp.resolve(copy.getFileName() + ".report.txt");
        assertThat(report).exists();
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(report)) {
            Matcher m = FILE_LINE.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private void compare(Path input) throws Exception {
        Assumptions.assumeTrue(installed(), "UEFIExtract not installed (package uefitool-cli); skipping");
        Set<String> theirs = uefiExtractFiles(input);
        Set<String> ours = CorpusExtractTest.run(input).containers().stream().filter(c -> c.kind().equals("file"))
                .map(SeenContainer::name).collect(Collectors.toSet());
        assertThat(theirs).hasSizeGreaterThan(50);
        assertThat(ours).containsAll(theirs);
    }

    @Test
    void lgR510() throws Exception {
        compare(Corpus.file("firmware/lg-r510-insyde.fd"));
    }

    @Test
    void ovmfCode4m() throws Exception {
        Path p = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
        Assumptions.assumeTrue(Files.isRegularFile(p), "OVMF_CODE_4M.fd not installed (package ovmf); skipping");
        compare(p);
    }
}
