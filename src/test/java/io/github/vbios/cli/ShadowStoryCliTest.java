package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.sample.RealDumpLayouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shadow-copy story, told the same by info, patch and ssdt, in text and JSON (issue 15). */
class ShadowStoryCliTest {
    @TempDir
    Path tmp;

    private Path file(String name, byte[] b) throws IOException {
        return Files.write(tmp.resolve(name), b);
    }

    @Test
    void infoTextSaysShadowUefiUnknownAndTheWayOut() throws IOException {
        Path in = file("tu106.rom", RealDumpLayouts.turingBootShadow());
        DoctorCommandTest.Run r = DoctorCommandTest.run("info", in.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("UEFI: unknown (shadow copy)").doesNotContain("UEFI: no")
                .doesNotContain("claims bytes past the end").contains("way out (in order):")
                .contains("1) download the ROM for the exact board from TechPowerUp").contains("2) dump it with the card as a secondary GPU")
                .contains("3) take it from the vendor's VBIOS or firmware update: vbios extract")
                .doesNotContain("run vbios patch");
    }

    @Test
    void infoJsonHasNullUefiWithTheReason() throws IOException {
        Path in = file("tu106.rom", RealDumpLayouts.turingBootShadow());
        JsonNode doc = Json.mapper().readTree(DoctorCommandTest.run("info", "--json", in.toString()).out());
        assertThat(doc.get("pciView").get("truncated").asBoolean()).isFalse();
        JsonNode v = doc.get("verdict");
        assertThat(v.get("uefiCapable").isNull()).isTrue();
        assertThat(v.get("uefiUnknownReason").asText()).contains("shadow copy");
        assertThat(v.get("shadowCopySuspect").asBoolean()).isTrue();
        assertThat(v.get("shadowCopy").get("wayOut")).hasSize(3);
        assertThat(v.get("shadowCopy").get("evidence").toString()).contains("0xEC00");

        JsonNode mx150 = Json.mapper().readTree(DoctorCommandTest.run("info", "--json",
                file("mx150.rom", RealDumpLayouts.pascalLegacyLayoutB()).toString()).out()).get("verdict");
        assertThat(mx150.get("shadowCopySuspect").asBoolean()).isFalse();
        assertThat(mx150.get("shadowCopy").isNull()).isTrue();
        assertThat(mx150.get("uefiCapable").asBoolean()).isFalse();
    }

    @Test
    void patchRefusesWithExitThreeAndWritesWithAllowShadow() throws IOException {
        Path in = file("tu106.rom", RealDumpLayouts.turingBootShadow());
        Path out = tmp.resolve("out.rom");
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", in.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("shadowed copy").contains("TechPowerUp").contains("--allow-shadow")
                .doesNotContain("truncated").doesNotContain("dump the whole ROM again");
        assertThat(out).doesNotExist();
        DoctorCommandTest.Run ok = DoctorCommandTest.run("patch", in.toString(), "-o", out.toString(), "--allow-shadow",
                "--host-root", tmp.resolve("none").toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("warning:").contains("shadowed copy");
        assertThat(out).exists();
    }

    @Test
    void patchOnTheLayoutBLaptopRomSaysNothingOfShadows() throws IOException {
        Path in = file("mx150.rom", RealDumpLayouts.pascalLegacyLayoutB());
        DoctorCommandTest.Run r = DoctorCommandTest.run("patch", in.toString(), "-o", tmp.resolve("o.rom").toString(),
                "--host-root", tmp.resolve("none").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("shadow");
    }

    @Test
    void ssdtRefusesAShadowCopyToo() throws IOException {
        Path in = file("tu106.rom", RealDumpLayouts.turingBootShadow());
        DoctorCommandTest.Run r = DoctorCommandTest.run("ssdt", "--rom", in.toString(), "--path", "\\_SB.PCI0.RP01.PXSX",
                "-o", tmp.resolve("ssdt").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("shadowed copy").contains("TechPowerUp");
    }
}
