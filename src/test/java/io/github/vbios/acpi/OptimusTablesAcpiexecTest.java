package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.ExternalTools;
import io.github.vbios.plan.Optimus;
import io.github.vbios.plan.OptimusRequest;
import io.github.vbios.plan.OptimusResult;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables {@code vbios optimus} writes for the LG R510 image pass the ssdt issue's acpiexec
 * check: loaded after a q35-like DSDT (root port at 00:1c.0 = {@code SE0}, no GPU node), {@code _ROM}
 * at the plan's path returns the romfile's bytes at every offset/length pair of {@link RomReads}.
 */
class OptimusTablesAcpiexecTest {
    @TempDir
    Path tmp;

    private static byte[] q35Stub() {
        byte[] pci0 = Aml.device("PCI0",
                named("_HID", Aml.eisaId("PNP0A08")),
                named("_CID", Aml.eisaId("PNP0A03")),
                named("_UID", Aml.ZERO),
                Aml.device("SE0", named("_ADR", integer(0x001C0000))),
                Aml.device("FWCF", named("_HID", Aml.string("QEMU0002")), named("_STA", integer(0x0B))));
        return AcpiTable.build(new TableHeader("DSDT", 2, "BOCHS", "BXPC", 1, "VBIO", 1), Aml.scope("\\_SB", pci0));
    }

    @Test
    void romReadsBackThroughAcpiexec() throws Exception {
        AcpiExec.assumeInstalled("acpiexec");
        Path lg = Corpus.file("firmware/lg-r510-insyde.fd");
        Path out = tmp.resolve("out");
        OptimusResult r = Optimus.run(new OptimusRequest(lg, out, null, OptimusRequest.parseIds("10de:0648"), null,
                tmp.resolve("no-host"), null, false), ExternalTools.none());
        byte[] rom = Files.readAllBytes(out.resolve(r.romfile()));
        SsdtManifest m = SsdtManifest.read(out.resolve("ssdt"));
        Path stub = tmp.resolve("dsdt.aml");
        Files.write(stub, q35Stub());
        List<Path> tables = new ArrayList<>(List.of(stub));
        m.tables().stream().filter(t -> !t.contains("battery")).forEach(t -> tables.add(out.resolve("ssdt").resolve(t)));
        List<RomReads.Read> plan = RomReads.plan(rom.length);
        List<String> cmds = plan.stream().map(x -> "evaluate " + r.acpiPath() + "._ROM 0x" + Long.toHexString(x.offset())
                + " 0x" + Long.toHexString(x.length())).toList();
        AcpiExec.Run run = AcpiExec.run(tables, cmds);
        assertThat(run.errors()).as("acpiexec errors").isEmpty();
        assertThat(run.buffers()).hasSize(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            byte[] want = RomReads.expected(rom, plan.get(i));
            if (!Arrays.equals(want, run.buffers().get(i))) {
                assertThat(run.buffers().get(i)).as("_ROM(%s)", plan.get(i)).isEqualTo(want);
            }
        }
        assertThat(plan.size()).isGreaterThanOrEqualTo(20);
    }
}
