package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.host.RomAccess;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DumpCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesThePciViewFromASavedTree() throws IOException {
        Path host = DesktopHosts.amdDesktop(tmp.resolve("host"));
        Path out = tmp.resolve("gpu.rom");
        DoctorCommandTest.Run r = DoctorCommandTest.run("dump", "--host-root", host.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0000:0a:00.0: wrote").contains("1002:67df");
        assertThat(Files.size(out)).isEqualTo(40960);

        DoctorCommandTest.Run again = DoctorCommandTest.run("dump", "0a:00.0", "--host-root", host.toString(), "-o", out.toString());
        assertThat(again.code()).isEqualTo(2);
    }

    @Test
    void shadowCopyIsRefusedWithTheWayOutUnlessAllowed() throws IOException {
        Path host = DesktopHosts.pascalDesktop(tmp.resolve("host"));
        Path out = tmp.resolve("gpu.rom");
        DoctorCommandTest.Run r = DoctorCommandTest.run("dump", "01:00.0", "--host-root", host.toString(), "-o",
                out.toString(), "--json");
        assertThat(r.code()).isEqualTo(3);
        assertThat(out).doesNotExist();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.get("outcome").asText()).isEqualTo("shadow-copy");
        assertThat(doc.get("output").isNull()).isTrue();
        assertThat(doc.get("shadowCopySuspect").asBoolean()).isTrue();
        assertThat(doc.get("uefiCapable").isNull()).isTrue();
        assertThat(doc.get("shadowCopy").get("wayOut")).hasSize(3);
        assertThat(doc.get("suggestions").get(0).asText()).contains("TechPowerUp");
        assertThat(doc.get("vendorId").asText()).isEqualTo("10de");
        assertThat(doc.get("pciView").get("start").asInt()).isZero();
        assertThat(doc.get("readFailure").isNull()).isTrue();
        assertThat(doc.get("findings").isArray()).isTrue();

        DoctorCommandTest.Run text = DoctorCommandTest.run("dump", "01:00.0", "--host-root", host.toString(), "-o",
                out.toString());
        assertThat(text.code()).isEqualTo(3);
        assertThat(text.err()).contains("shadowed copy").contains("TechPowerUp").contains("secondary GPU")
                .contains("vbios extract").doesNotContain("Exception");
        assertThat(out).doesNotExist();

        DoctorCommandTest.Run kept = DoctorCommandTest.run("dump", "01:00.0", "--host-root", host.toString(), "-o",
                out.toString(), "--allow-shadow");
        assertThat(kept.code()).isZero();
        assertThat(out).exists();
        assertThat(kept.err()).contains("--allow-shadow");
    }

    @Test
    void helpNoLongerPromisesTheExactRomfileForTheBootGpu() {
        DoctorCommandTest.Run r = DoctorCommandTest.run("dump", "--help");
        assertThat(r.out()).doesNotContain("the exact romfile QEMU needs").contains("--allow-shadow");
    }

    @Test
    void noRomBarExitsFourWithTheReason() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        DoctorCommandTest.Run r = DoctorCommandTest.run("dump", "01:00.0", "--host-root", host.toString(), "-o",
                tmp.resolve("x.rom").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("no ROM BAR").contains("vbios extract").doesNotContain("Exception");
        assertThat(tmp.resolve("x.rom")).doesNotExist();
    }

    @Test
    void permissionDeniedExitsFiveWithTheSudoCommand() throws IOException {
        Path host = DesktopHosts.amdDesktop(tmp.resolve("host"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err));
        DumpCommand dump = cl.getSubcommands().get("dump").getCommand();
        dump.accessFactory = dev -> new RomAccess() {
            @Override
            public void enable() throws IOException {
                throw new AccessDeniedException("rom");
            }

            @Override
            public byte[] read(int limit) {
                throw new AssertionError("must not read");
            }

            @Override
            public void disable() {
                // not reached
            }
        };
        int code = cl.execute("dump", "0a:00.0", "--host-root", host.toString(), "-o", "gpu.rom");
        assertThat(code).as(err.toString()).isEqualTo(5);
        assertThat(err.toString()).contains("sudo vbios dump 0000:0a:00.0 -o gpu.rom");

        StringWriter json = new StringWriter();
        CommandLine again = Main.newCommandLine(new PrintWriter(json), new PrintWriter(new StringWriter()));
        again.getSubcommands().get("dump").<DumpCommand>getCommand().accessFactory = dump.accessFactory;
        assertThat(again.execute("dump", "0a:00.0", "--host-root", host.toString(), "-o", "gpu.rom", "--json")).isEqualTo(5);
        JsonNode doc = Json.mapper().readTree(json.toString());
        assertThat(doc.get("outcome").asText()).isEqualTo("permission");
        assertThat(doc.get("readFailure").asText()).isEqualTo("permission");
        assertThat(doc.get("findings")).isEmpty();
    }

    @Test
    void severalGpusNeedAName() throws IOException {
        Path host = DesktopHosts.iommuOff(tmp.resolve("host"));
        DoctorCommandTest.Run r = DoctorCommandTest.run("dump", "--host-root", host.toString(), "-o",
                tmp.resolve("x.rom").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("0000:01:00.0: wrote");
    }
}
