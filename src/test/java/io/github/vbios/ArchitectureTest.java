package io.github.vbios;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The graph of docs/ARCHITECTURE.md, arrow for arrow: one rule per room and sub-package naming
 * every package of ours it may use (libraries and the JDK are not ours). A new arrow needs this
 * file and the document changed together.
 */
@AnalyzeClasses(packages = "io.github.vbios", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String OURS = "io.github.vbios..";

    /** Classes of {@code room} (a package without its sub-packages) use only the packages listed. */
    private static ArchRule room(String room, String... mayUse) {
        String[] allowed = Arrays.stream(mayUse).map(p -> "io.github.vbios." + p).toArray(String[]::new);
        String[] own = {"io.github.vbios." + room};
        return classes().that().resideInAPackage("io.github.vbios." + room)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                        .or(resideInAnyPackage(own)).or(resideInAnyPackage(allowed)))
                .as(room + " uses only " + (mayUse.length == 0 ? "nothing of ours" : String.join(", ", mayUse)));
    }

    @ArchTest
    static final ArchRule cli = room("cli", "plan", "sample", "vm", "host", "acpi", "firmware", "firmware.external",
            "rom", "rom.nvidia", "rom.patch", "io");

    @ArchTest
    static final ArchRule plan = room("plan", "vm", "host", "acpi", "firmware", "firmware.external", "rom", "io");

    @ArchTest
    static final ArchRule sample = room("sample", "firmware.uefi", "rom", "codec", "io");

    @ArchTest
    static final ArchRule vm = room("vm", "io");

    @ArchTest
    static final ArchRule host = room("host", "io");

    @ArchTest
    static final ArchRule acpi = room("acpi", "rom", "rom.nvidia", "io");

    /** The contract and engine; the detector list names every format package. */
    @ArchTest
    static final ArchRule firmware = room("firmware", "firmware.uefi", "firmware.vendor", "firmware.archive",
            "firmware.external", "rom", "rom.nvidia", "codec", "io");

    /** Format packages reach {@code codec} only through {@code firmware.Codecs}. */
    @ArchTest
    static final ArchRule firmwareUefi = room("firmware.uefi", "firmware", "io");

    @ArchTest
    static final ArchRule firmwareVendor = room("firmware.vendor", "firmware", "firmware.uefi", "firmware.archive",
            "firmware.external", "io");

    @ArchTest
    static final ArchRule firmwareArchive = room("firmware.archive", "firmware", "io");

    @ArchTest
    static final ArchRule firmwareExternal = room("firmware.external", "firmware", "firmware.archive", "io");

    @ArchTest
    static final ArchRule rom = room("rom", "rom.nvidia", "codec", "io");

    @ArchTest
    static final ArchRule romNvidia = room("rom.nvidia", "io");

    @ArchTest
    static final ArchRule romPatch = room("rom.patch", "rom", "rom.nvidia", "io");

    @ArchTest
    static final ArchRule codec = room("codec", "io");

    @ArchTest
    static final ArchRule io = room("io");

    /** Rooms (with their sub-packages) form no cycle: every arrow points downwards. */
    @ArchTest
    static final ArchRule rooms_are_free_of_cycles = slices().matching("io.github.vbios.(*)..").should().beFreeOfCycles();
}
