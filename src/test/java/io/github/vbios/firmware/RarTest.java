package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vbios.cli.Main;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.firmware.external.Rar;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.CabBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.RarBuilder;
import io.github.vbios.testutil.Tools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: RAR4 and RAR5 archives (and WinRAR SFX exes) are recognised; unar unpacks them when
 * installed; without it the walk is incomplete (exit 8), never "no video BIOS found". The archives
 * are built by {@link RarBuilder} (stored entries), so the peer test needs no non-free rar. The
 * same "incomplete" rule for the other wrappers vbios recognises but cannot open (Inno, UPX,
 * encrypted 7z, cabinets in LZX).
 */
class RarTest {
    /** The ROM inside an xz stream inside the archive: a raw scan of the stored RAR cannot see it. */
    private static final byte[] HIDDEN = FirmwareWrappers.xz(Fixtures.romVolume(FirmwareBuilder::crc32Section));

    @TempDir
    Path tmp;

    private static Extraction withUnar(byte[] input) {
        Tools.require("unar", "unar (package unar) is not installed; RAR peer test skipped");
        return Extractor.run(ByteSlice.of(input), "dump.rar", Limits.defaults(), ExternalTools.system());
    }

    @Test
    void signaturesOfBothVersionsAreRecognised() {
        assertThat(Rar.version(ByteSlice.of(RarBuilder.rar5Stored("a", new byte[4])), 0)).isEqualTo(5);
        assertThat(Rar.version(ByteSlice.of(RarBuilder.rar4Stored("a", new byte[4])), 0)).isEqualTo(4);
        assertThat(Rar.version(ByteSlice.of(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x02, 0}), 0)).isZero();
    }

    @Test
    void headerCrcsTellARealArchiveFromASignatureConstant() {
        assertThat(Rar.headerValid(ByteSlice.of(RarBuilder.rar5Stored("a", new byte[4])), 0)).isTrue();
        assertThat(Rar.headerValid(ByteSlice.of(RarBuilder.rar4Stored("a", new byte[4])), 0)).isTrue();
        byte[] broken = RarBuilder.rar5Stored("a", new byte[4]);
        broken[8] ^= 1;
        assertThat(Rar.headerValid(ByteSlice.of(broken), 0)).isFalse();
        // an exe that merely holds the signature bytes (a RAR-detecting tool) is not opened as a RAR
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x200],
                new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00}, new byte[64]);
        Extraction x = Fixtures.extract(exe);
        assertThat(x.isIncomplete()).isFalse();
        assertThat(x.containers()).noneMatch(c -> c.kind().equals("rar"));
    }

    @Test
    void unarUnpacksAStoredRar5() {
        Extraction x = withUnar(RarBuilder.rar5Stored("bios/spi.bin.xz", HIDDEN));
        assertThat(Fixtures.nvProvenance(x)).startsWith("dump.rar > rar:bios_spi.bin.xz > xz > FV@0x0");
        assertThat(x.isIncomplete()).isFalse();
    }

    @Test
    void unarUnpacksAStoredRar4() {
        Extraction x = withUnar(RarBuilder.rar4Stored("spi.bin.xz", HIDDEN));
        assertThat(Fixtures.nvProvenance(x)).startsWith("dump.rar > rar:spi.bin.xz > xz > FV@0x0");
    }

    @Test
    void aWinRarSfxExeIsOpenedFromItsSignature() {
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x200], RarBuilder.rar5Stored("x.xz", HIDDEN));
        Extraction x = withUnar(exe);
        assertThat(Fixtures.nvProvenance(x)).startsWith("dump.rar > sfx rar@0x202 > rar:x.xz > xz > FV@0x0");
    }

    @Test
    void withoutUnarTheFindingNamesThePackageAndTheWalkIsIncomplete() {
        for (byte[] rar : new byte[][] {RarBuilder.rar5Stored("spi.bin.xz", HIDDEN), RarBuilder.rar4Stored("s.xz", HIDDEN)}) {
            Extraction x = Fixtures.extract(rar);
            assertThat(x.roms()).isEmpty();
            assertThat(x.incomplete()).containsExactly(Incomplete.UNOPENED);
            assertThat(x.incompleteFindings()).singleElement().satisfies(f -> {
                assertThat(f.finding().code()).isEqualTo(FirmwareCode.CONTAINER_UNOPENED);
                assertThat(f.finding().message()).containsPattern("RAR[45] archive").contains("install package unar");
            });
            ExtractPlan p = ExtractPlan.of(x, false);
            assertThat(p.found()).isFalse();
            assertThat(p.verdict()).startsWith("incomplete:").doesNotContain("no video BIOS found");
        }
    }

    @Test
    void innoAndUpxWithoutTheirToolsAreIncompleteToo() {
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x100],
                "Inno Setup Setup Data (5.5.7)".getBytes(StandardCharsets.US_ASCII), "UPX!".getBytes(StandardCharsets.US_ASCII));
        Extraction x = Fixtures.extract(exe);
        assertThat(x.incomplete()).containsExactly(Incomplete.UNOPENED);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("innoextract"))
                .anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("upx-ucl"));
        assertThat(ExtractPlan.of(x, false).verdict()).startsWith("incomplete:");
    }

    @Test
    void extractAndOptimusExitEightNotFour() throws Exception {
        Path rar = tmp.resolve("asus-spi.rar");
        Files.write(rar, RarBuilder.rar5Stored("spi.bin.xz", HIDDEN));
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"extract", "--no-external", "--json", rar.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isEqualTo(8);
        var doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.at("/verdict/complete").asBoolean()).isFalse();
        assertThat(doc.at("/verdict/incompleteReasons/0").asText()).isEqualTo("unopened-container");
        assertThat(doc.at("/verdict/found").asBoolean()).isFalse();
        assertThat(doc.at("/findings/0/code").asText()).isEqualTo(FirmwareCode.CONTAINER_UNOPENED.id());
        assertThat(doc.at("/findings/0/message").asText()).contains("--no-external").contains("package unar");
        assertThat(doc.at("/verdict/message").asText()).startsWith("incomplete:");
        StringWriter err = new StringWriter();
        code = Main.run(new String[] {"optimus", "--no-external", rar.toString(), "-o", tmp.resolve("vm").toString(),
            "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(8);
        assertThat(err.toString()).contains("incomplete:").contains("package unar");
        assertThat(tmp.resolve("vm")).doesNotExist();
        // a stored RAR without the tool: the raw scan still finds what is not compressed, and says so
        Path plain = tmp.resolve("plain.rar");
        Files.write(plain, RarBuilder.rar5Stored("spi.bin", Fixtures.NV_ROM));
        Extraction x = Fixtures.extract(Files.readAllBytes(plain));
        ExtractPlan p = ExtractPlan.of(x, false);
        assertThat(p.found()).isTrue();
        assertThat(p.verdict()).contains("found 1 NVIDIA VBIOS image; incomplete: more may be inside");
        assertThat(Main.run(new String[] {"extract", "--no-external", plain.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).as("incomplete even when something was found").isEqualTo(8);
    }

    @Test
    void anEncrypted7zIsIncompleteWithItsOwnCode() throws Exception {
        Tools.require("7z", "7z (package p7zip-full) is not installed: cannot build an encrypted 7z");
        Files.write(tmp.resolve("spi.bin"), HIDDEN);
        for (String mhe : new String[] {"-mhe=on", "-mhe=off"}) {
            Path archive = tmp.resolve("enc" + mhe.substring(5) + ".7z");
            Process p = new ProcessBuilder("7z", "a", "-pnot-the-insyde-one", mhe, archive.toString(), "spi.bin")
                    .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(p.waitFor()).isZero();
            Extraction x = Fixtures.extract(Files.readAllBytes(archive));
            assertThat(x.incompleteFindings()).as(mhe).singleElement()
                    .satisfies(f -> assertThat(f.finding().message()).contains("7z archive is encrypted"));
            assertThat(ExtractPlan.of(x, false).verdict()).startsWith("incomplete:");
        }
        Path zip = tmp.resolve("enc.zip");
        Process p = new ProcessBuilder("7z", "a", "-tzip", "-psecret", zip.toString(), "spi.bin").directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).isZero();
        assertThat(Fixtures.extract(Files.readAllBytes(zip)).incompleteFindings()).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("zip archive is encrypted"));
    }

    @Test
    void aCabinetFolderInLzxIsIncomplete() {
        byte[] cab = CabBuilder.cab(Map.of("bios.bin", HIDDEN), false);
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putShort(0x24 + 6, (short) 3);
        Extraction x = Fixtures.extract(cab);
        assertThat(x.incomplete()).containsExactly(Incomplete.UNOPENED);
        assertThat(x.incompleteFindings()).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("compressed with LZX"));
    }
}
