package io.github.vbios;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.vbios.codec.CodecException;
import io.github.vbios.io.ByteSlice;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of docs/ARCHITECTURE.md, arrow for arrow: one rule per room and sub-package naming
 * every package of ours it may use (libraries and the JDK are not ours). A new arrow needs this
 * file and the document changed together.
 */
@AnalyzeClasses(packages = "io.github.vbios", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String OURS = "io.github.vbios..";

    /** The arrows: each package of ours and the packages of ours it may use (docs/ARCHITECTURE.md's table). */
    static final Map<String, List<String>> GRAPH = Map.ofEntries(
            entry("cli", List.of("plan", "sample", "vm", "host", "acpi", "firmware", "firmware.external", "rom", "rom.nvidia", "rom.patch", "io")),
            entry("plan", List.of("vm", "host", "acpi", "firmware", "firmware.external", "rom", "io")),
            entry("sample", List.of("firmware.uefi", "rom", "codec", "io")),
            entry("vm", List.of("io")),
            entry("host", List.of("io")),
            entry("acpi", List.of("rom", "rom.nvidia", "io")),
            entry("firmware", List.of("firmware.uefi", "firmware.vendor", "firmware.archive", "firmware.external", "rom",
                    "rom.nvidia", "codec", "io")),
            entry("firmware.uefi", List.of("firmware", "codec", "io")),
            entry("firmware.vendor", List.of("firmware", "firmware.uefi", "firmware.archive", "firmware.external", "io")),
            entry("firmware.archive", List.of("firmware", "codec", "io")),
            entry("firmware.external", List.of("firmware", "firmware.archive", "io")),
            entry("rom", List.of("rom.nvidia", "codec", "io")),
            entry("rom.nvidia", List.of("io")),
            entry("rom.patch", List.of("rom", "rom.nvidia", "io")),
            entry("codec", List.of("io")),
            entry("io", List.of()));

    /**
     * The format packages decode only through {@code firmware.Codecs}: what they may take from
     * {@code codec} directly is its one decode exception (the produced bytes the walk charges).
     */
    @ArchTest
    static final ArchRule format_packages_decode_through_codecs = noClasses()
            .that().resideInAnyPackage("io.github.vbios.firmware.uefi", "io.github.vbios.firmware.archive")
            .should().dependOnClassesThat(resideInAPackage("io.github.vbios.codec")
                    .and(DescribedPredicate.not(equivalentTo(CodecException.class))))
            .as("firmware.uefi and firmware.archive use of codec only CodecException");

    /** Classes of {@code room} (a package without its sub-packages) use only the packages {@link #GRAPH} lists. */
    private static ArchRule room(String room) {
        String[] mayUse = GRAPH.get(room).toArray(String[]::new);
        String[] allowed = Arrays.stream(mayUse).map(p -> "io.github.vbios." + p).toArray(String[]::new);
        String[] own = {"io.github.vbios." + room};
        return classes().that().resideInAPackage("io.github.vbios." + room)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(OURS)
                        .or(resideInAnyPackage(own)).or(resideInAnyPackage(allowed)))
                .as(room + " uses only " + (mayUse.length == 0 ? "nothing of ours" : String.join(", ", mayUse)));
    }

    @ArchTest
    static final ArchRule cli = room("cli");

    @ArchTest
    static final ArchRule plan = room("plan");

    @ArchTest
    static final ArchRule sample = room("sample");

    @ArchTest
    static final ArchRule vm = room("vm");

    @ArchTest
    static final ArchRule host = room("host");

    @ArchTest
    static final ArchRule acpi = room("acpi");

    /** The contract and engine; the detector list names every format package. */
    @ArchTest
    static final ArchRule firmware = room("firmware");

    /** Format packages reach {@code codec} only through {@code firmware.Codecs}. */
    @ArchTest
    static final ArchRule firmwareUefi = room("firmware.uefi");

    @ArchTest
    static final ArchRule firmwareVendor = room("firmware.vendor");

    @ArchTest
    static final ArchRule firmwareArchive = room("firmware.archive");

    @ArchTest
    static final ArchRule firmwareExternal = room("firmware.external");

    @ArchTest
    static final ArchRule rom = room("rom");

    @ArchTest
    static final ArchRule romNvidia = room("rom.nvidia");

    @ArchTest
    static final ArchRule romPatch = room("rom.patch");

    @ArchTest
    static final ArchRule codec = room("codec");

    @ArchTest
    static final ArchRule io = room("io");

    /** The ByteSlice methods that hand out bytes as fresh copies; any other byte[] out of it would be its buffer. */
    private static final Set<String> COPIES = Set.of("toArray", "bytes");

    /**
     * Issue 13: ByteSlice keeps its backing array to itself (metadata-extractor's ByteArrayReader),
     * so no room reads around the bounds checks or writes into a buffer other slices share.
     */
    @ArchTest
    static final ArchRule byte_slice_fields_are_private = fields().that().areDeclaredIn(ByteSlice.class)
            .should().bePrivate();

    @ArchTest
    static final ArchRule no_room_takes_the_array_behind_a_byte_slice = noClasses()
            .that().resideOutsideOfPackage("io.github.vbios.io..")
            .should().callMethodWhere(DescribedPredicate.describe("it is a ByteSlice method that gives out the backing array",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(ByteSlice.class)
                            && (call.getName().equals("arrayOffset")
                            || call.getTarget().getRawReturnType().isEquivalentTo(byte[].class)
                            && !COPIES.contains(call.getName()))));

    /** Rooms (with their sub-packages) form no cycle: every arrow points downwards. */
    @ArchTest
    static final ArchRule rooms_are_free_of_cycles = slices().matching("io.github.vbios.(*)..").should().beFreeOfCycles();
}
