package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * issue 16 point 8: two GPUs' table sets, generated separately, load together and each
 * {@code _ROM} serves its own ROM (no {@code AE_ALREADY_EXISTS [\VB00]}, no shared data).
 */
class TwoGpusAcpiexecTest {
    static final AcpiPath GPU0 = AcpiPath.fromProxmoxHostpci(0);
    static final AcpiPath GPU1 = AcpiPath.fromProxmoxHostpci(1);

    @BeforeAll
    static void tools() {
        AcpiExec.assumeInstalled("acpiexec");
    }

    static List<Path> write(SsdtSet set, Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        for (GeneratedTable t : set.tables()) {
            Path p = dir.resolve(t.fileName());
            Files.write(p, t.aml());
            out.add(p);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Placement.class)
    void bothSetsLoadAndServeTheirOwnRom(Placement p, @TempDir Path dir) throws Exception {
        byte[] rom0 = RomReads.synthetic(150_000, 100);
        byte[] rom1 = RomReads.synthetic(70_000, 101);
        SsdtSet a = SsdtBuilder.build(rom0, SsdtOptions.defaults(GPU0).withMode(SsdtMode.EMBED).withPlacement(p));
        SsdtSet b = SsdtBuilder.build(rom1, SsdtOptions.defaults(GPU1).withMode(SsdtMode.EMBED).withPlacement(p)
                .withBattery(BatterySsdt.Kind.NONE));
        Set<String> ids = new HashSet<>();
        for (SsdtSet s : List.of(a, b)) {
            for (GeneratedTable t : s.tables()) {
                assertThat(ids.add(new String(t.aml(), 16, 8, StandardCharsets.US_ASCII)))
                        .as("OEM table ID of %s unique", t.fileName()).isTrue();
            }
        }
        List<AcpiPath> dsdtNodes = new ArrayList<>(List.of(AcpiPath.parse("\\_SB.PCI0.SE0")));
        if (p == Placement.SCOPE) {
            dsdtNodes.addAll(List.of(AcpiPath.parse("\\_SB.PCI0.SE1"), GPU0, GPU1));
        }
        Path dsdt = dir.resolve("dsdt.aml");
        Files.write(dsdt, StubDsdt.withNodes(dsdtNodes));
        List<Path> all = new ArrayList<>(List.of(dsdt));
        all.addAll(write(a, Files.createDirectories(dir.resolve("gpu0"))));
        all.addAll(write(b, Files.createDirectories(dir.resolve("gpu1"))));
        assertThat(RomReads.check(rom0, GPU0, all)).isGreaterThanOrEqualTo(20);
        assertThat(RomReads.check(rom1, GPU1, all)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void dataNamesAndTableIdsDifferPerPath() {
        List<AcpiPath> paths = new ArrayList<>();
        for (int i = 0; i <= 15; i++) {
            paths.add(AcpiPath.fromProxmoxHostpci(i));
        }
        paths.add(AcpiPath.parse("\\_SB.PCI0.S08.S00"));
        paths.add(AcpiPath.parse("\\_SB.PCI0.S08.S01"));
        paths.add(AcpiPath.parse("\\_SB.PCI0.S18"));
        paths.add(AcpiPath.parse("\\_SB.PCI0.S10.S08.S00"));
        Set<String> tags = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (AcpiPath path : paths) {
            assertThat(tags.add(TableIds.tag(path))).as("tag of %s", path).isTrue();
            assertThat(prefixes.add(TableIds.dataPrefix(path))).isTrue();
            assertThat(TableIds.table(path, TableIds.ROM)).hasSize(8);
        }
        assertThat(TableIds.table(AcpiPath.parse("\\_SB.PCI0.SE0.S00"), TableIds.ROM)).isEqualTo("VBE000RM");
        assertThat(Arrays.asList("VBRB18RM")).contains(TableIds.table(AcpiPath.parse("\\_SB.PCI0.S18"),
                TableIds.ROM));
    }
}
