package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.OutputFolder;
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
 * issue 16 point 3: the {@code .dsl} written beside every {@code .aml} compiles back with
 * {@code iasl} (no "Illegal forward reference" on the CondRefOf of auto placement, no unknown
 * names of other tables) to an equivalent table: {@code iasl -d} of our AML and of iasl's AML
 * print the same ASL (comments, External lines and whitespace aside).
 */
class IaslRoundTripTest {
    @BeforeAll
    static void tools() {
        AcpiExec.assumeInstalled("iasl");
    }

    static Stream<Arguments> sets() {
        List<Arguments> out = new ArrayList<>();
        String[] paths = {"\\_SB.PCI0.S08.S00", "\\_SB.PCI0.SE1.S00", "\\_SB.PCI0.S18", "\\_SB.PCI0.S10.S08.S00"};
        for (Placement p : Placement.values()) {
            for (String path : paths) {
                out.add(Arguments.of(p, path, SsdtMode.EMBED, 9000, BatterySsdt.Kind.FULL));
                out.add(Arguments.of(p, path, SsdtMode.FWCFG, 300_000, BatterySsdt.Kind.MINIMAL));
            }
            out.add(Arguments.of(p, "\\_SB.PCI0.SE1.S00", SsdtMode.EMBED, 0xF001 + 0xF000, BatterySsdt.Kind.NONE));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} bytes")
    @MethodSource("sets")
    void everyListingCompilesBackToTheSameTable(Placement placement, String path, SsdtMode mode, int size,
                                                BatterySsdt.Kind battery, @TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(size, size);
        SsdtSet set = SsdtBuilder.build(rom, SsdtOptions.defaults(AcpiPath.parse(path)).withMode(mode)
                .withPlacement(placement).withBattery(battery));
        Path ours = dir.resolve("ours");
        SsdtWriter.write(set, rom, OutputFolder.open(ours, false));
        for (GeneratedTable t : set.tables()) {
            String stem = t.fileName().replace(".aml", "");
            Path compiled = Files.createDirectories(dir.resolve("compiled"));
            String log = iasl(ours, "-p", compiled.resolve(stem).toString(), t.dslName());
            assertThat(log).as("iasl %s", t.dslName()).contains("0 Errors").doesNotContain("Illegal forward");
            Path back = compiled.resolve(stem + ".aml");
            assertThat(back).exists();
            Path a = Files.createDirectories(dir.resolve("dis-ours"));
            Path b = Files.createDirectories(dir.resolve("dis-compiled"));
            Files.copy(ours.resolve(t.fileName()), a.resolve(t.fileName()));
            Files.copy(back, b.resolve(t.fileName()));
            iasl(a, "-d", t.fileName());
            iasl(b, "-d", t.fileName());
            String mine = Files.readString(a.resolve(stem + ".dsl"), StandardCharsets.ISO_8859_1);
            String theirs = Files.readString(b.resolve(stem + ".dsl"), StandardCharsets.ISO_8859_1);
            assertThat(compound(IaslPeerTest.normalise(theirs))).as("iasl -d of the recompiled %s", t.dslName())
                    .isEqualTo(compound(IaslPeerTest.normalise(mine)));
        }
    }

    /**
     * iasl compiles {@code Local2 = (Local2 + Local1)} into Add with Local2 as its target, which it
     * prints as {@code Local2 += Local1}: the same operation, so both spellings compare equal.
     */
    static String compound(String asl) {
        return asl.replaceAll("(Local[0-7]|Arg[0-6])=\\(\\1([-+*|&^]|<<|>>)([A-Za-z0-9_]+)\\)", "$1$2=$3");
    }

    static String iasl(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("iasl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
