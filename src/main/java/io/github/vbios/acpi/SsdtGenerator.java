package io.github.vbios.acpi;

import io.github.vbios.io.Finding;
import io.github.vbios.io.OutputFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code vbios ssdt} without the command line: checked ROM + options -> files + report. */
public final class SsdtGenerator {
    /** QEMU 7.2 warns when all ACPI tables together exceed this (live-migration blob size). */
    static final int QEMU_MIGRATION_BLOB = 65536;

    private SsdtGenerator() {
    }

    public static SsdtReport generate(RomInput rom, String romName, SsdtOptions options, PathChoice path,
                                      OutputFolder out) throws IOException {
        SsdtSet set = SsdtBuilder.build(rom.bytes(), options);
        SsdtWriter.write(set, rom.bytes(), out);
        List<SsdtReport.TableFile> files = set.tables().stream()
                .map(t -> new SsdtReport.TableFile(t.fileName(), t.dslName(), t.role(), t.size())).toList();
        List<Finding> notes = new ArrayList<>();
        if (set.modeDefaulted()) {
            notes.add(Finding.info(AcpiCode.MODE_DEFAULTED, -1, "mode " + set.mode().id() + " chosen because the ROM is "
                    + rom.bytes().length + " bytes ("
                    + (set.mode() == SsdtMode.FWCFG ? "over" : "at most") + " " + SsdtMode.EMBED_DEFAULT_LIMIT_TEXT
                    + "); override with --mode"));
        }
        if (rom.cleaned()) {
            notes.add(Finding.info(AcpiCode.VIEW_CUT_OUT, -1, RomInput.VIEW_NVIDIA.equals(rom.view())
                    ? "the NVIDIA view was cut out of the input (--clean); vbios extract --nvidia-view writes it as a file"
                    : "the PCI view was cut out of the input (--clean); vbios patch writes the same bytes as a file"));
        }
        int total = set.tables().stream().mapToInt(GeneratedTable::size).sum();
        if (total > QEMU_MIGRATION_BLOB) {
            notes.add(Finding.info(AcpiCode.MIGRATION_BLOB_EXCEEDED, -1, "QEMU warns that the ACPI tables (" + total
                    + " bytes) exceed 65536 bytes and migration may "
                    + "not work: harmless here, a VM with a passed-through GPU cannot be migrated"));
        }
        if (options.placement() == Placement.SCOPE) {
            notes.add(Finding.warning(AcpiCode.SCOPE_NEEDS_NODE, -1, "scope placement needs QEMU to have created "
                    + path.path() + " (ACPI PCI hotplug on, or "
                    + "QEMU >= 8.0); otherwise Linux drops the table with AE_NOT_FOUND"));
        } else if (options.placement() == Placement.DECLARE) {
            notes.add(Finding.warning(AcpiCode.DECLARE_CLASHES_WITH_NODE, -1,
                    "declare placement fails with AE_ALREADY_EXISTS where QEMU already created " + path.path()));
        }
        notes.add(Finding.info(AcpiCode.CHECK_PATH_IN_GUEST, -1,
                "check the path in the guest: cat /sys/bus/pci/devices/0000:BB:DD.F/firmware_node/path"));
        SsdtManifest m = set.manifest();
        SsdtReport.RomFacts facts = new SsdtReport.RomFacts(romName, rom.bytes().length, set.romSha256(),
                rom.cleaned(), rom.analysis().pciView().start(), rom.analysis().pciView().end(), rom.view(),
                rom.viewStart(), rom.viewEnd());
        return new SsdtReport(facts, set.mode().id(), set.modeDefaulted(), set.placement().id(),
                set.path().toString(), path.source(), out.root().toString(), files, set.fwCfg(),
                LoadInstructions.of(m, out.root()), notes, rom.findings());
    }
}
