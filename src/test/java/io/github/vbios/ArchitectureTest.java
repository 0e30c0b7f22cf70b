package io.github.vbios;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.vbios.io.ByteSlice;
import java.util.Set;

/** The arrows of docs/ARCHITECTURE.md point downwards only. */
@AnalyzeClasses(packages = "io.github.vbios", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule rooms_only_import_rooms_below = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("cli").definedBy("io.github.vbios.cli..")
            .layer("plan").definedBy("io.github.vbios.plan..")
            .layer("sample").definedBy("io.github.vbios.sample..")
            .layer("vm").definedBy("io.github.vbios.vm..")
            .layer("host").definedBy("io.github.vbios.host..")
            .layer("acpi").definedBy("io.github.vbios.acpi..")
            .layer("firmware").definedBy("io.github.vbios.firmware..")
            .layer("rom").definedBy("io.github.vbios.rom..")
            .layer("codec").definedBy("io.github.vbios.codec..")
            .layer("io").definedBy("io.github.vbios.io..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("plan").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("sample").mayOnlyBeAccessedByLayers("cli", "plan")
            .whereLayer("vm").mayOnlyBeAccessedByLayers("cli", "plan")
            .whereLayer("host").mayOnlyBeAccessedByLayers("cli", "plan", "sample")
            .whereLayer("acpi").mayOnlyBeAccessedByLayers("cli", "plan", "sample", "vm", "host")
            .whereLayer("firmware").mayOnlyBeAccessedByLayers("cli", "plan", "sample", "vm", "host", "acpi")
            .whereLayer("rom").mayOnlyBeAccessedByLayers("cli", "plan", "sample", "vm", "host", "acpi", "firmware")
            .whereLayer("codec").mayOnlyBeAccessedByLayers("cli", "plan", "sample", "vm", "host", "acpi", "firmware", "rom")
            .whereLayer("io").mayOnlyBeAccessedByLayers("cli", "plan", "sample", "vm", "host", "acpi", "firmware", "rom", "codec");

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
}
