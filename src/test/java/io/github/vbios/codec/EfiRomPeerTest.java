package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.testutil.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer test against EDK2 BaseTools' encoder (rom-format.md 1.12: {@code EfiRom -ec} writes a
 * compressed option ROM). Skipped unless {@code EfiRom} is on PATH (not packaged by Debian; build
 * EDK2 BaseTools to run it). Input: a real GOP driver decoded from the corpus.
 */
class EfiRomPeerTest {
    @Test
    void ourDecoderReadsEdk2CompressedOptionRom(@TempDir Path tmp) throws Exception {
        Path efiRom = Tools.onPath("EfiRom");
        Assumptions.assumeTrue(efiRom != null, "EfiRom (EDK2 BaseTools) not on PATH; skipping the EDK2 peer test");
        byte[] driver = EfiDecompressor.decompress(EfiCorpusTest.payload("roms/amd-rx580.rom", 0xEC00),
                EfiCompressionVariant.EFI_1_1, 16 << 20);
        Path in = tmp.resolve("gop.efi");
        Path out = tmp.resolve("gop.rom");
        Files.write(in, driver);
        Process p = new ProcessBuilder(efiRom.toString(), "-f", "0x1002", "-i", "0x67DF", "-o", out.toString(),
                "-ec", in.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("log.txt"))).isZero();
        ByteSlice rom = ByteSlice.of(Files.readAllBytes(out));
        assertThat(rom.u16(0x0C)).as("CompressionType").isEqualTo(1);
        int start = rom.u16(0x16);
        int end = Math.min(rom.u16(2) * 512, rom.length());
        byte[] back = EfiDecompressor.decompress(rom.slice(start, end - start), EfiCompressionVariant.EFI_1_1, 16 << 20);
        assertThat(back).isEqualTo(driver);
    }
}
