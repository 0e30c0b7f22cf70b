package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peer test with {@code iasl -d}: every table we generate disassembles without errors or checksum
 * warnings, and our ASL printer says the same thing iasl does (compared without comments,
 * External declarations and whitespace).
 */
class IaslPeerTest {
    static final AcpiPath GPU = AcpiPath.parse("\\_SB.PCI0.S08.S00");

    @BeforeAll
    static void tools() {
        AcpiExec.assumeInstalled("iasl");
    }

    static Stream<Arguments> sets() {
        List<Arguments> out = new ArrayList<>();
        for (Placement p : Placement.values()) {
            for (int size : new int[] {8, 0xF001, 150_000}) {
                out.add(Arguments.of("embed/" + p.id() + "/" + size, SsdtMode.EMBED, p, size, BatterySsdt.Kind.FULL));
            }
            out.add(Arguments.of("fwcfg/" + p.id(), SsdtMode.FWCFG, p, 300_000, BatterySsdt.Kind.MINIMAL));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void iaslDisassemblesEveryTableLikeOurPrinter(String label, SsdtMode mode, Placement placement, int size,
                                                   BatterySsdt.Kind battery, @TempDir Path dir) throws Exception {
        SsdtSet set = SsdtBuilder.build(RomReads.synthetic(size, size), SsdtOptions.defaults(GPU).withMode(mode)
                .withPlacement(placement).withBattery(battery));
        for (GeneratedTable t : set.tables()) {
            assertThat(t.size()).isLessThan(AcpiTable.QEMU_MAX_TABLE + 1);
            Path aml = dir.resolve(t.fileName());
            Files.write(aml, t.aml());
            String log = iaslDisassemble(dir, aml);
            assertThat(log).as("iasl -d %s", t.fileName()).doesNotContainIgnoringCase("error")
                    .doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("checksum");
            String theirs = Files.readString(dir.resolve(t.dslName()), StandardCharsets.ISO_8859_1);
            AslPrinter.Listing mine = AslPrinter.print(t.aml());
            assertThat(mine.findings()).isEmpty();
            assertThat(normalise(mine.text())).as("ASL of %s", t.fileName()).isEqualTo(normalise(theirs));
        }
    }

    static String iaslDisassemble(Path dir, Path aml) throws Exception {
        Process p = new ProcessBuilder("iasl", "-d", aml.getFileName().toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // iasl's banner and summary lines are not diagnostics
        return out.lines().filter(l -> !l.contains("Intel ACPI Component") && !l.contains("Copyright")
                && !l.contains("Compiler/Disassembler") && !l.contains("Input file") && !l.contains("Loading")
                && !l.contains("Parsing") && !l.contains("Disassembly completed")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Drops comments, External declarations and all whitespace: what remains is the ASL itself. */
    static String normalise(String asl) {
        return asl.replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\n]*", "")
                .replaceAll("(?m)^\\s*External \\([^\n]*\n", "")
                .replaceAll("\\s+", "");
    }
}
