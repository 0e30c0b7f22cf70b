package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.plan.Optimus;
import io.github.vbios.plan.OptimusRequest;
import io.github.vbios.plan.OptimusResult;
import io.github.vbios.testutil.Corpus;
import java.nio.charset.StandardCharsets;
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
                named("_UID", Aml.zero()),
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

    /**
     * issue 16 point 5: for the layout-A GK107 dump the romfile stays the PCI view, the tables serve
     * the NVIDIA view: _ROM(0x21000, 16) returns what the dump has at 0x21400 ("VN", the first
     * NVIDIA-only image), not zeros.
     */
    @Test
    void keplerDumpTablesServeTheNvidiaView() throws Exception {
        AcpiExec.assumeInstalled("acpiexec");
        Path dump = Corpus.file("roms/kepler-gk107.rom");
        byte[] file = Files.readAllBytes(dump);
        Path out = tmp.resolve("kepler");
        OptimusResult r = Optimus.run(new OptimusRequest(dump, out, null, null, null, tmp.resolve("no-host"), null,
                false), ExternalTools.none());
        byte[] romfile = Files.readAllBytes(out.resolve(r.romfile()));
        assertThat(romfile).isEqualTo(Arrays.copyOfRange(file, 0x400, 0x21400));
        SsdtManifest m = SsdtManifest.read(out.resolve("ssdt"));
        byte[] nv = Arrays.copyOfRange(file, 0x400, 0x29E00);
        assertThat(m.romSize()).isEqualTo(nv.length);
        assertThat(m.romSha256()).isEqualTo(ByteSlice.of(nv).sha256());
        Path stub = tmp.resolve("dsdt-k.aml");
        Files.write(stub, q35Stub());
        List<Path> tables = new ArrayList<>(List.of(stub));
        m.tables().stream().filter(t -> !t.contains("battery")).forEach(t -> tables.add(out.resolve("ssdt").resolve(t)));
        AcpiExec.Run run = AcpiExec.run(tables, List.of("evaluate " + r.acpiPath() + "._ROM 0x21000 16"));
        assertThat(run.errors()).isEmpty();
        assertThat(run.buffers().get(0)).isEqualTo(Arrays.copyOfRange(file, 0x21400, 0x21410));
        assertThat(new String(run.buffers().get(0), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("VN");
        assertThat(RomReads.check(nv, AcpiPath.parse(r.acpiPath()), tables)).isGreaterThanOrEqualTo(20);
    }
}
