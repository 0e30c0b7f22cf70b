package io.github.vbios;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/ARCHITECTURE.md lists exactly the arrows {@link ArchitectureTest} enforces, for every package. */
class ArchitectureDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\| (.*) \\|$");
    private static final Pattern NAME = Pattern.compile("`([\\w.]+)`");

    /** The table under "Allowed dependencies": package -> the packages its row names. */
    private static Map<String, List<String>> documented() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/ARCHITECTURE.md"));
        int start = 0;
        while (!lines.get(start).startsWith("Allowed dependencies")) {
            start++;
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("##"); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            if (row.matches()) {
                List<String> uses = new ArrayList<>();
                Matcher n = NAME.matcher(row.group(2));
                while (n.find()) {
                    uses.add(n.group(1));
                }
                out.put(row.group(1), uses);
            }
        }
        return out;
    }

    @Test
    void theDocumentListsTheEnforcedArrows() throws IOException {
        assertThat(documented()).isEqualTo(new TreeMap<>(ArchitectureTest.GRAPH));
    }

    @Test
    void everyPackageHasItsRule() {
        TreeSet<String> packages = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.vbios").stream().map(JavaClass::getPackageName)
                .map(p -> p.substring("io.github.vbios.".length())).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isEqualTo(new TreeSet<>(ArchitectureTest.GRAPH.keySet()));
    }
}
