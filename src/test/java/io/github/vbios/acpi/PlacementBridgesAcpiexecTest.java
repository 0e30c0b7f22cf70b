package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * issue 16 point 3: Proxmox hostpci1 sits behind the root port at 00:1c.1 ({@code \_SB.PCI0.SE1}),
 * which older machine types and bridge hotplug off leave out of QEMU's DSDT. {@code auto} and
 * {@code declare} create the missing root port (with its {@code _ADR}) only where it is absent.
 */
class PlacementBridgesAcpiexecTest {
    static final AcpiPath HOSTPCI1 = AcpiPath.fromProxmoxHostpci(1);
    static final AcpiPath SE0 = AcpiPath.parse("\\_SB.PCI0.SE0");
    static final AcpiPath SE1 = AcpiPath.parse("\\_SB.PCI0.SE1");

    @BeforeAll
    static void tools() {
        AcpiExec.assumeInstalled("acpiexec");
    }

    static List<Path> load(Path dir, List<AcpiPath> dsdtNodes, SsdtSet set) throws Exception {
        Path dsdt = dir.resolve("dsdt.aml");
        Files.write(dsdt, StubDsdt.withNodes(dsdtNodes));
        List<Path> all = new ArrayList<>(List.of(dsdt));
        all.addAll(AcpiexecPeerTest.write(set, dir));
        return all;
    }

    static SsdtSet set(byte[] rom, AcpiPath path, Placement p) {
        return SsdtBuilder.build(rom, SsdtOptions.defaults(path).withMode(SsdtMode.EMBED).withPlacement(p)
                .withBattery(BatterySsdt.Kind.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Placement.class, names = {"AUTO", "DECLARE"})
    void missingRootPortIsCreatedWithItsAddress(Placement p, @TempDir Path dir) throws Exception {
        assertThat(HOSTPCI1.toString()).isEqualTo("\\_SB.PCI0.SE1.S00");
        byte[] rom = RomReads.synthetic(70_000, 11);
        List<Path> all = load(dir, List.of(SE0), set(rom, HOSTPCI1, p));
        assertThat(RomReads.check(rom, HOSTPCI1, all)).isGreaterThanOrEqualTo(20);
        AcpiExec.Run adr = AcpiExec.run(all, List.of("evaluate \\_SB.PCI0.SE1._ADR",
                "evaluate \\_SB.PCI0.SE1.S00._ADR", "evaluate \\_SB.PCI0.SE0._ADR"));
        assertThat(adr.errors()).isEmpty();
        assertThat(adr.output()).contains("[Integer] = 00000000001C0001", "[Integer] = 0000000000000000",
                "[Integer] = 00000000001C0000");
    }

    @Test
    void autoKeepsQemusNodesWhereTheyExist(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(5000, 12);
        // QEMU's own SE1 says _ADR 0x001C0001 too; ours would be a duplicate: prove ours is not made
        // by giving QEMU's node a marker our tables never define.
        Path dsdt = dir.resolve("dsdt.aml");
        byte[] marker = Aml.scope("\\_SB.PCI0.SE1", Aml.named("QEMU", Aml.one()));
        byte[] base = StubDsdt.withNodes(List.of(SE0, SE1, HOSTPCI1));
        byte[] body = Aml.cat(Arrays.copyOfRange(base, TableHeader.LENGTH, base.length), marker);
        Files.write(dsdt, AcpiTable.build(new TableHeader("DSDT", 2, "BOCHS", "BXPC", 1, "VBIO", 1), body));
        List<Path> all = new ArrayList<>(List.of(dsdt));
        all.addAll(AcpiexecPeerTest.write(set(rom, HOSTPCI1, Placement.AUTO), dir));
        assertThat(RomReads.check(rom, HOSTPCI1, all)).isGreaterThanOrEqualTo(20);
        AcpiExec.Run r = AcpiExec.run(all, List.of("evaluate \\_SB.PCI0.SE1.QEMU"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.output()).contains("[Integer] = 0000000000000001");
    }

    @Test
    void declareCreatesOnlyTheMissingRootPortAndStillCollidesWithAnExistingGpuNode(@TempDir Path dir)
            throws Exception {
        byte[] rom = RomReads.synthetic(3000, 13);
        Path a = Files.createDirectories(dir.resolve("a"));
        // root port there, GPU node absent: declare works without AE_ALREADY_EXISTS for SE1
        assertThat(RomReads.check(rom, HOSTPCI1, load(a, List.of(SE0, SE1), set(rom, HOSTPCI1, Placement.DECLARE))))
                .isGreaterThanOrEqualTo(20);
        Path b = Files.createDirectories(dir.resolve("b"));
        AcpiExec.Run r = AcpiExec.run(load(b, List.of(SE0, SE1, HOSTPCI1), set(rom, HOSTPCI1, Placement.DECLARE)),
                List.of("evaluate " + HOSTPCI1 + "._ROM 0 4"));
        assertThat(r.output()).contains("AE_ALREADY_EXISTS");
    }

    @Test
    void scopeStillFailsWithoutTheRootPortSoTheFixMatters(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(3000, 14);
        AcpiExec.Run r = AcpiExec.run(load(dir, List.of(SE0), set(rom, HOSTPCI1, Placement.SCOPE)),
                List.of("evaluate " + HOSTPCI1 + "._ROM 0 4"));
        assertThat(r.output()).contains("AE_NOT_FOUND");
    }
}
