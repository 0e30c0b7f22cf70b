package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.OutputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Peer test with QEMU: {@code -machine q35 -S -acpitable file=...} accepts every generated table set. */
class QemuAcceptanceTest {
    @BeforeAll
    static void tools() {
        Qemu.assumeInstalled();
    }

    @ParameterizedTest(name = "{0} {1} bytes, {2}, battery {3}")
    @CsvSource({
        "embed, 8, scope, full",
        "embed, 200000, auto, minimal",
        "embed, 1048576, declare, none",
        "fwcfg, 300000, auto, full",
        "fwcfg, 1048576, scope, none",
    })
    void qemuAcceptsTheTables(String mode, int size, String placement, String battery, @TempDir Path dir)
            throws Exception {
        byte[] rom = RomReads.synthetic(size, size);
        SsdtSet set = SsdtBuilder.build(rom, SsdtOptions.defaults(AcpiPath.parse("\\_SB.PCI0.S08.S00"))
                .withMode(SsdtMode.parse(mode)).withPlacement(Placement.parse(placement))
                .withBattery(BatterySsdt.Kind.parse(battery)));
        SsdtWriter.write(set, rom, OutputFolder.open(dir, true));
        List<String> args = SsdtManifest.read(dir).qemuArguments(dir);
        Qemu.Result r = Qemu.startStopped(args);
        assertThat(r.exitCode()).as(r.output()).isZero();
        // Over 64 KiB of tables in total QEMU 7.2 only warns that live migration may not work (its
        // ACPI blob size check); a VM with a VFIO device cannot migrate anyway. Anything else fails.
        String other = r.output().lines()
                .filter(l -> !l.contains("exceeds 65536 bytes, migration may not work"))
                .filter(l -> !l.startsWith("Try removing CPUs"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(other).doesNotContainIgnoringCase("acpi").doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error");
    }

    @Test
    void qemuRefusesATableOverItsLimitSoTheAcceptanceTestMeansSomething(@TempDir Path dir) throws Exception {
        byte[] body = Aml.named("XBIG", Aml.buffer(new byte[70_000]));
        byte[] t = new byte[36 + body.length];
        System.arraycopy(AcpiTable.build(TableHeader.ssdt("BIG"), new byte[0]), 0, t, 0, 36);
        System.arraycopy(body, 0, t, 36, body.length);
        t[4] = (byte) t.length;
        t[5] = (byte) (t.length >> 8);
        t[6] = (byte) (t.length >> 16);
        Files.write(dir.resolve("big.aml"), t);
        Qemu.Result r = Qemu.startStopped(List.of("-acpitable", "file=" + dir.resolve("big.aml")));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("too big");
    }
}
