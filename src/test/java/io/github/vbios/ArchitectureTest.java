package io.github.vbios;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
