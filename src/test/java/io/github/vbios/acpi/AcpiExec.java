package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.testutil.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs ACPICA's {@code acpiexec} in batch mode and parses what it prints. acpiexec exits 0 even
 * when loading or evaluation fails (acpi-vm.md 2), so callers check {@link Run#errors()}.
 */
final class AcpiExec {
    /** acpiexec reads at most 1023 characters of -b commands. */
    private static final int MAX_BATCH = 1000;
    private static final Pattern BUFFER = Pattern.compile("\\[Buffer\\] Length ([0-9A-Fa-f]+) =");
    private static final Pattern HEX_LINE = Pattern.compile("^\\s*(?:\\[Buffer\\] Length [0-9A-Fa-f]+ =)?\\s*"
            + "[0-9A-Fa-f]{4}: ((?:[0-9A-Fa-f]{2} )*[0-9A-Fa-f]{2})");

    /** One acpiexec run: full output and the buffers returned, in order (null for non-buffer results). */
    record Run(String output, List<byte[]> buffers) {
        List<String> errors() {
            return output.lines().filter(l -> l.contains("Error") || l.contains("AE_") || l.contains("Incorrect checksum")
                    || l.contains("failed")).filter(l -> !l.contains("Outstanding")).toList();
        }
    }

    private AcpiExec() {
    }

    static void assumeInstalled(String tool) {
        Tools.require(tool, tool + " not installed (apt-get install acpica-tools); skipping peer test");
    }

    /** Runs the evaluations in batches small enough for acpiexec's -b line. */
    static Run run(List<Path> tables, List<String> commands) throws IOException, InterruptedException {
        StringBuilder all = new StringBuilder();
        List<byte[]> buffers = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int len = 0;
        for (String c : commands) {
            if (len + c.length() + 2 > MAX_BATCH && !batch.isEmpty()) {
                runBatch(tables, batch, all, buffers);
                batch.clear();
                len = 0;
            }
            batch.add(c);
            len += c.length() + 2;
        }
        runBatch(tables, batch, all, buffers);
        return new Run(all.toString(), buffers);
    }

    private static void runBatch(List<Path> tables, List<String> batch, StringBuilder all, List<byte[]> buffers)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("acpiexec", "-b", String.join("; ", batch)));
        tables.forEach(t -> cmd.add(t.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("acpiexec finished").isTrue();
        all.append(out);
        parseBuffers(out, buffers);
    }

    static void parseBuffers(String out, List<byte[]> buffers) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("Evaluation of ")) {
                continue;
            }
            if (l.contains("failed") || i + 1 >= lines.size()) {
                buffers.add(null);
                continue;
            }
            Matcher m = BUFFER.matcher(lines.get(i + 1));
            if (!m.find()) {
                buffers.add(null);
                continue;
            }
            int n = Integer.parseInt(m.group(1), 16);
            byte[] b = new byte[n];
            int got = 0;
            for (int k = i + 1; k < lines.size() && got < n; k++) {
                Matcher h = HEX_LINE.matcher(lines.get(k));
                if (!h.find()) {
                    if (k > i + 1) {
                        break;
                    }
                    continue;
                }
                for (String hex : h.group(1).trim().split(" ", -1)) {
                    if (got < n) {
                        b[got++] = (byte) Integer.parseInt(hex, 16);
                    }
                }
            }
            buffers.add(got == n ? b : null);
        }
    }
}
