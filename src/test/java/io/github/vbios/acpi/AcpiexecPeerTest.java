package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Peer test with ACPICA's acpiexec: our tables load and _ROM returns the ROM bytes (acpi-vm.md 2). */
class AcpiexecPeerTest {
    static final AcpiPath GPU = AcpiPath.parse("\\_SB.PCI0.S08.S00");

    @BeforeAll
    static void tools() {
        AcpiExec.assumeInstalled("acpiexec");
    }

    static List<Path> write(SsdtSet set, Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        for (GeneratedTable t : set.tables()) {
            if (!t.role().equals("battery")) {
                Path p = dir.resolve(t.fileName());
                Files.write(p, t.aml());
                out.add(p);
            }
        }
        return out;
    }

    static SsdtSet embed(byte[] rom, Placement placement) {
        return SsdtBuilder.build(rom, SsdtOptions.defaults(GPU).withMode(SsdtMode.EMBED).withPlacement(placement)
                .withBattery(BatterySsdt.Kind.NONE));
    }

    @ParameterizedTest(name = "synthetic ROM of {0} bytes")
    @ValueSource(ints = {1, 8, 511, 4096, 4097, 0xEFFF, 0xF000, 0xF001, 70000, 0x1E000, 200 * 1024, 1024 * 1024})
    void syntheticRomsReadBack(int size, @TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(size, size);
        SsdtSet set = embed(rom, Placement.SCOPE);
        int checked = RomReads.check(rom, GPU, write(set, dir), dir, true);
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "kepler-gk107.rom, 0x400, 0x21400, ff84c04e109c02bf2d08537b18d4ba6aa508f5fb1e09abe768958a62e83cba99",
        "maxwell-m2200m.rom, 0x0, 0x30200, 9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d",
        "pascal-p5000m.rom, 0xA00, 0x38800, 9942aa4634c58f4b233cab5a5930ebc5842275fc9a8f43718fca0dbe1f6fba76",
        "turing-tu117-t1000.rom, 0x4600, 0x23C00, d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616",
        "amd-rx580.rom, 0x0, 0x1D200, 50d2d1d8c643a4c01d134a15f385b759333f94a8a57cc3d0c4c9c8d23067e197",
    })
    void corpusRomfilesReadBack(String name, String start, String end, String sha256, @TempDir Path dir)
            throws Exception {
        byte[] file = Files.readAllBytes(Corpus.file("roms/" + name));
        // The corpus README's PCI view [start, end) is exactly what `vbios patch` writes as the romfile.
        byte[] rom = Arrays.copyOfRange(file, Integer.decode(start), Integer.decode(end));
        assertThat(ByteSlice.of(rom).sha256()).isEqualTo(sha256);
        // and the rom room accepts it as a clean romfile, as vbios ssdt requires
        assertThat(RomInput.check(ByteSlice.of(rom), name, false).bytes()).isEqualTo(rom);
        SsdtSet set = embed(rom, Placement.AUTO);
        assertThat(RomReads.check(rom, GPU, write(set, dir), dir, true)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void placementScopeNeedsTheNode(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(300, 1);
        List<Path> t = write(embed(rom, Placement.SCOPE), dir);
        Files.write(dir.resolve("noS00.aml"), StubDsdt.build(false));
        List<Path> all = new ArrayList<>(List.of(dir.resolve("noS00.aml")));
        all.addAll(t);
        AcpiExec.Run run = AcpiExec.run(all, List.of("evaluate " + GPU + "._ROM 0 4"));
        assertThat(run.output()).contains("AE_NOT_FOUND");
        // and it works where the node exists
        assertThat(RomReads.check(rom, GPU, t, dir, true)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void placementDeclareCollidesWithAnExistingNode(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(300, 2);
        List<Path> t = write(embed(rom, Placement.DECLARE), dir);
        Files.write(dir.resolve("stub.aml"), StubDsdt.build(true));
        List<Path> all = new ArrayList<>(List.of(dir.resolve("stub.aml")));
        all.addAll(t);
        AcpiExec.Run run = AcpiExec.run(all, List.of("evaluate " + GPU + "._ROM 0 4"));
        assertThat(run.output()).contains("AE_ALREADY_EXISTS");
        assertThat(RomReads.check(rom, GPU, t, dir, false)).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "auto placement, GPU node present: {0}")
    @ValueSource(booleans = {true, false})
    void placementAutoWorksBothWays(boolean nodePresent, @TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(0x1F000, 3);
        List<Path> t = write(embed(rom, Placement.AUTO), dir);
        assertThat(RomReads.check(rom, GPU, t, dir, nodePresent)).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "fw_cfg table, placement {0}")
    @ValueSource(strings = {"scope", "declare", "auto"})
    void fwCfgTableLoadsAndRefusesToServeZerosWithoutFwCfg(String placement, @TempDir Path dir) throws Exception {
        // acpiexec simulates I/O ports as plain memory, so no fw_cfg signature is found: _ROM must
        // say so (Integer 0, not a zero-filled Buffer that passes the NVIDIA driver's length check)
        // and must not remember the miss. The real read-back is the qemu-tagged guest test.
        Placement p = Placement.parse(placement);
        SsdtSet set = SsdtBuilder.build(RomReads.synthetic(4096, 5), SsdtOptions.defaults(GPU).withMode(SsdtMode.FWCFG)
                .withPlacement(p).withBattery(BatterySsdt.Kind.NONE));
        List<Path> t = write(set, dir);
        Files.write(dir.resolve("stub.aml"), StubDsdt.build(p != Placement.DECLARE));
        List<Path> all = new ArrayList<>(List.of(dir.resolve("stub.aml")));
        all.addAll(t);
        AcpiExec.Run run = AcpiExec.run(all, List.of("evaluate " + GPU + "._ROM 0 0x2000",
                "evaluate " + GPU + "._ROM 0x10 16", "evaluate " + GPU + ".VSEL", "evaluate " + GPU + ".VHAV"));
        assertThat(run.errors()).isEmpty();
        assertThat(run.buffers()).hasSize(4);
        assertThat(run.buffers().get(0)).isEmpty();
        assertThat(run.buffers().get(1)).isEmpty();
        assertThat(run.output().split("\\[Integer\\] = 0000000000000000", -1)).hasSize(3);
    }

    @ParameterizedTest(name = "battery {0}")
    @ValueSource(strings = {"full", "minimal"})
    void batteryMethodsEvaluate(String kind, @TempDir Path dir) throws Exception {
        BatterySsdt.Kind k = BatterySsdt.Kind.parse(kind);
        GeneratedTable bat = BatterySsdt.build(k, TableHeader.ssdt("VBIOSBAT"));
        Path p = dir.resolve(bat.fileName());
        Files.write(p, bat.aml());
        Files.write(dir.resolve("stub.aml"), StubDsdt.build(true));
        List<String> cmds = k == BatterySsdt.Kind.FULL
                ? List.of("evaluate \\_SB.BAT0._BIF", "evaluate \\_SB.BAT0._BST", "evaluate \\_SB.BAT0._STA",
                        "evaluate \\_SB.AC0._PSR", "evaluate \\_SB.AC0._STA")
                : List.of("evaluate \\_SB.BAT0._STA", "evaluate \\_SB.BAT0._HID", "evaluate \\_SB.BAT0._UID");
        AcpiExec.Run run = AcpiExec.run(List.of(dir.resolve("stub.aml"), p), cmds);
        assertThat(run.errors()).isEmpty();
        if (k == BatterySsdt.Kind.FULL) {
            assertThat(run.output()).contains("[Package] Contains 13 Elements", "[Package] Contains 4 Elements",
                    "[String] Length 04 = \"LION\"", "[Integer] = 000000000000001F", "[Integer] = 0000000000000001");
            // _BIF element 3 (battery technology) = 1: rechargeable, what the NVIDIA driver looks for
            String bif = run.output().substring(run.output().indexOf("[Package] Contains 13"));
            assertThat(bif.lines().skip(4).findFirst().orElse("")).contains("[Integer] = 0000000000000001");
        } else {
            assertThat(run.output()).contains("[Integer] = 000000000000000F", "[Integer] = 000000000A0CD041");
        }
        assertThat(Map.of()).isEmpty();
    }
}
