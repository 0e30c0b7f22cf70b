package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.archive.SevenZ;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.testutil.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Insyde iFdPacker: a 7-Zip SFX whose archive is obfuscated and password-protected (firmware.md 3). */
class InsydeIfdPackerTest {
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);
    private static final byte[] CONFIG = (";!@Install@!UTF-8!\r\nRunProgram=\"iscflash.exe\"\r\n;!@InstallEnd@!\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static byte[] sfx(byte[] archive) {
        byte[] stub = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x3FE]);
        return FirmwareBuilder.concat(stub, CONFIG, archive);
    }

    private static byte[] obfuscate(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            int v = out[i] & 0xFF;
            out[i] = (byte) ((v << 1 | v >>> 7) & 0xFF);
        }
        return out;
    }

    @Test
    void obfuscatedArchiveIsRotatedBackAndOpened() {
        Extraction x = Fixtures.extract(sfx(obfuscate(FirmwareWrappers.sevenZ("bios.fd", IMAGE))));
        int at = 0x400 + CONFIG.length;
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > iFdPacker 7z@0x" + Integer.toHexString(at).toUpperCase(Locale.ROOT)
                + " > 7z:bios.fd > FV@0x0");
        assertThat(x.containers()).anyMatch(c -> "Insyde iFdPacker, obfuscated".equals(c.detail()));
    }

    @Test
    void passwordProtectedArchiveOpensWithTheKnownPassword(@TempDir Path tmp) throws Exception {
        Tools.require("7z", "7z (package p7zip-full) is not installed: cannot build an encrypted 7z");
        Files.write(tmp.resolve("bios.fd"), IMAGE);
        Process p = new ProcessBuilder("7z", "a", "-p" + SevenZ.INSYDE_PASSWORD, "-mhe=on", "enc.7z", "bios.fd")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("log"))).isZero();
        byte[] enc = Files.readAllBytes(tmp.resolve("enc.7z"));
        assertThat(new String(enc, StandardCharsets.ISO_8859_1)).doesNotContain("bios.fd"); // headers encrypted too
        Extraction x = Fixtures.extract(sfx(obfuscate(enc)));
        assertThat(Fixtures.nvProvenance(x)).contains("> 7z:bios.fd > FV@0x0");
    }
}
