package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/json.md is the contract of every {@code --json} document: each command runs on generated
 * samples, and every field path of its output must be listed in the command's table, and every
 * "always" field must be there. A command whose table is missing, or that is not implemented in
 * this build, is skipped with a message (so commands join as they land).
 */
class JsonDocsTest {
    private static final Pattern SECTION = Pattern.compile("<!-- json-fields: ([a-z-]+) -->");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| [^|]+ \\| (always|optional) \\|");

    @TempDir
    static Path tmp;
    static Path dump;
    static Path romfile;
    static Path firmware;
    static Path host;

    /** One documented command: how to run it and which table holds its fields. */
    record Case(String table, Function<Path, String[]> args) {
    }

    @BeforeAll
    static void samples() throws IOException {
        dump = Files.write(tmp.resolve("dump.rom"), DemoSamples.flashDump());
        romfile = Files.write(tmp.resolve("romfile.rom"), DemoSamples.romfile());
        firmware = Files.write(tmp.resolve("laptop.fd"), DemoSamples.laptopFirmware());
        host = SampleHosts.optimusLaptop(tmp.resolve("host"));
    }

    static List<Case> cases() {
        String h = "--host-root";
        return List.of(
                new Case("version", d -> a("--version", "--json")),
                new Case("info", d -> a("info", "--json", dump.toString())),
                new Case("info", d -> a("info", "--json", dump.toString(), romfile.toString())),
                new Case("patch", d -> a("patch", "--json", dump.toString(), "-o", d.resolve("p.rom").toString())),
                new Case("patch", d -> a("patch", "--json", dump.toString(), "-o", d.resolve("q.rom").toString(),
                        "--fix-checksum", "--set-ids", "10de:1f99")),
                new Case("patch-check", d -> a("patch", "--check", "--json", romfile.toString())),
                new Case("extract", d -> a("extract", "--json", firmware.toString(), "-o", d.resolve("x").toString())),
                new Case("ssdt", d -> a("ssdt", "--json", "--rom", romfile.toString(), "--guest-address", "01:00.0",
                        "--root-port", "00:1c.0", "-o", d.resolve("s").toString(), "--mode", "fwcfg")),
                new Case("doctor", d -> a("doctor", "--json", h, host.toString())),
                new Case("vm", d -> a("vm", "qemu", "--json", "--device", SampleHosts.LAPTOP_DGPU, h, host.toString(),
                        "--romfile", romfile.toString())),
                new Case("vm", d -> a("vm", "libvirt", "--json", "--device", SampleHosts.LAPTOP_DGPU, h, host.toString())),
                new Case("vm", d -> a("vm", "proxmox", "--json", "--device", SampleHosts.LAPTOP_DGPU, h, host.toString())),
                new Case("dump", d -> a("dump", "--json", SampleHosts.LAPTOP_DGPU, h, host.toString(),
                        "-o", d.resolve("d.rom").toString())),
                new Case("optimus", d -> a("optimus", "--json", firmware.toString(), "-o", d.resolve("o").toString(),
                        h, host.toString(), "--ids", "10de:1fb9")));
    }

    private static String[] a(String... args) {
        return args;
    }

    /** The documented tables: command -> (path -> "always"/"optional"). */
    static Map<String, Map<String, String>> documented() throws IOException {
        Map<String, Map<String, String>> docs = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(Path.of("docs/json.md"))) {
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                current = docs.computeIfAbsent(s.group(1), k -> new LinkedHashMap<>());
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (current != null && r.find()) {
                current.put(r.group(1), r.group(2));
            } else if (current != null && !line.startsWith("|")) {
                current = line.isBlank() && !current.isEmpty() ? null : current;
            }
        }
        return docs;
    }

    /** Every field path of a document: {@code a.b}, arrays as {@code a[].b}. */
    static Set<String> paths(JsonNode n) {
        Set<String> out = new TreeSet<>();
        walk(n, "", out);
        return out;
    }

    private static void walk(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                walk(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            n.forEach(el -> walk(el, prefix + "[]", out));
        }
    }

    @Test
    void everyDocumentedTableHasRows() throws IOException {
        Map<String, Map<String, String>> docs = documented();
        assertThat(docs.keySet()).contains("version", "info", "patch", "extract", "ssdt", "doctor", "vm", "dump", "optimus");
        docs.forEach((k, v) -> assertThat(v).as(k).isNotEmpty().containsKey("schema"));
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheDocs() throws IOException {
        Map<String, Map<String, String>> docs = documented();
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Case c : cases()) {
            Path dir = tmp.resolve("run" + i++);
            tests.add(DynamicTest.dynamicTest(c.table() + " " + String.join(" ", c.args().apply(dir)),
                    () -> check(c, dir, docs.get(c.table()))));
        }
        return tests.stream();
    }

    private static void check(Case c, Path dir, Map<String, String> table) throws Exception {
        Assumptions.assumeTrue(table != null, "docs/json.md has no table for " + c.table() + " yet; skipping");
        // a single-file -o needs its folder to exist (the write layer creates none for it)
        Files.createDirectories(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(c.args().apply(dir), new PrintWriter(out, true), new PrintWriter(err, true));
        Assumptions.assumeFalse(code == ExitCodes.INTERNAL && err.toString().contains("not available in this build"),
                c.table() + " is not implemented in this build; skipping");
        assertThat(out.toString()).as("stdout of %s (exit %d, stderr %s)", c.table(), code, err).isNotBlank();
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.path("schema").asInt()).isEqualTo(1);
        Set<String> seen = new TreeSet<>();
        if (doc.has("files")) {
            // info with several files: {"schema":1,"files":[...]}, each element documented without "schema"
            seen.add("schema");
            doc.get("files").forEach(f -> seen.addAll(paths(f)));
        } else {
            seen.addAll(paths(doc));
        }
        Set<String> undocumented = new TreeSet<>(seen);
        undocumented.removeAll(table.keySet());
        assertThat(undocumented).as("fields of %s missing from docs/json.md", c.table()).isEmpty();
        Set<String> missing = new TreeSet<>();
        table.forEach((path, presence) -> {
            if (presence.equals("always") && !seen.contains(path)) {
                missing.add(path);
            }
        });
        assertThat(missing).as("\"always\" fields of %s absent from its output", c.table()).isEmpty();
    }
}
