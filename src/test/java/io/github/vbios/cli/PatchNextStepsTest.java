package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.RomImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 "After a successful patch": the next step per stack, and the ROM checked against the GPU. */
class PatchNextStepsTest {
    @TempDir
    Path tmp;

    /** A ROM for the pascal sample host's GPU (10de:1b80); {@code subsystem} at x86 +0x54 (Maxwell style) or null. */
    private Path rom(int device, byte[] subsystem) throws IOException {
        RomImageSpec x86 = OptionRomBuilder.x86(0x10de, device).sizeBlocks(8).putAscii(0x0E, "VIDEO");
        if (subsystem != null) {
            x86.put(0x54, subsystem);
        }
        byte[] b = new OptionRomBuilder().add(x86).add(NvidiaSample.efiGop(device)).build();
        return Files.write(tmp.resolve("card.rom"), b);
    }

    private Path host() throws IOException {
        return DesktopHosts.pascalDesktop(tmp.resolve("host"));
    }

    @Test
    void printsTheNextStepForEveryStack() throws IOException {
        Path out = tmp.resolve("gtx1080.rom");
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", rom(0x1b80, null).toString(), "-o", out.toString(),
                "--host-root", tmp.resolve("empty").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("next steps:")
                .contains("cp " + out + " /usr/share/kvm/gtx1080.rom")
                .contains("hostpci0: 0000:01:00.0,pcie=1,romfile=gtx1080.rom")
                .contains("/var/lib/libvirt/vbios/gtx1080.rom").contains("<rom file='/var/lib/libvirt/vbios/gtx1080.rom'/>")
                .contains("-device vfio-pci,host=0000:01:00.0,romfile=" + out.toAbsolutePath())
                .contains("your GPU's address");
    }

    @Test
    void theOnlyNvidiaGpuOfTheHostIsCheckedAndNamedInTheSteps() throws IOException {
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", rom(0x1b80, null).toString(), "-o",
                tmp.resolve("a.rom").toString(), "--host-root", host().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("check: the romfile's IDs 10de:1b80 match the GPU at 0000:01:00.0")
                .doesNotContain("your GPU's address");
    }

    @Test
    void aMismatchWithTheOnlyGpuIsAWarning() throws IOException {
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", rom(0x1b81, null).toString(), "-o",
                tmp.resolve("a.rom").toString(), "--host-root", host().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("WARNING: the romfile is for 10de:1b81, but the GPU at 0000:01:00.0 is 10de:1b80");
    }

    @Test
    void aMismatchWithANamedGpuIsRefusedAndNothingWritten() throws IOException {
        Path out = tmp.resolve("a.rom");
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", rom(0x1b81, null).toString(), "-o", out.toString(),
                "--host-root", host().toString(), "--device", "01:00.0", "--json");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("10de:1b81").contains("10de:1b80").contains("Nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void subsystemIdsAreComparedWhereTheRomHasThem() throws IOException {
        Path out = tmp.resolve("a.rom");
        DoctorCommandTest.Run same = DoctorCommandTest.run("patch", rom(0x1b80, new byte[] {0x42, 0x38, (byte) 0x83, 0x61})
                .toString(), "-o", out.toString(), "--host-root", host().toString(), "--device", "01:00.0", "--json");
        assertThat(same.code()).isZero();
        JsonNode doc = Json.mapper().readTree(same.out());
        assertThat(doc.get("deviceCheck").get("named").asBoolean()).isTrue();
        assertThat(doc.get("deviceCheck").get("romSubsystem").asText()).isEqualTo("3842:6183");
        assertThat(doc.get("deviceCheck").get("subsystemMatches").asBoolean()).isTrue();
        assertThat(doc.get("nextSteps")).extracting(n -> n.get("stack").asText())
                .contains("proxmox", "libvirt", "qemu");

        DoctorCommandTest.Run other = DoctorCommandTest.run("patch", rom(0x1b80, new byte[] {0x58, 0x14, 0x01, 0x02})
                .toString(), "-o", out.toString(), "--force", "--host-root", host().toString(), "--device", "01:00.0");
        assertThat(other.code()).isZero();
        assertThat(other.out()).contains("WARNING: the romfile's subsystem IDs 1458:0201 differ from the GPU at 0000:01:00.0 (3842:6183)");
    }

    @Test
    void anUnknownNamedDeviceIsNotFound() throws IOException {
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", rom(0x1b80, null).toString(), "-o",
                tmp.resolve("a.rom").toString(), "--host-root", host().toString(), "--device", "05:00.0");
        assertThat(r.code()).isEqualTo(4);
        assertThat(tmp.resolve("a.rom")).doesNotExist();
    }
}
