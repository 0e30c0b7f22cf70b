package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.CabBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.testutil.Tools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Microsoft cabinets (LVFS/fwupd and Windows Update firmware packages). */
class CabinetTest {
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);

    /** 8 KiB of noise repeated: MSZIP blocks only stay small if matches reach into the previous block. */
    private static byte[] repeated(int size) {
        byte[] unit = new byte[0x2000];
        new Random(5).nextBytes(unit);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }

    private static Map<String, byte[]> files() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("readme.txt", repeated(0x11000));
        m.put("firmware.bin", FirmwareBuilder.concat(repeated(0x5000), IMAGE));
        return m;
    }

    @Test
    void msZipFolderAcrossBlocksYieldsEveryFile() {
        byte[] cab = CabBuilder.cab(files(), true);
        assertThat(cab.length).isLessThan(IMAGE.length + 0x4000); // the repeats compressed away across blocks
        Extraction x = Fixtures.extract(cab);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > cab:firmware.bin > FV@0x5000 >");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("cab") && c.detail().equals("1 folders, 2 files"));
    }

    @Test
    void storedFolderAndCabinetInsideAnExe() {
        byte[] exe = FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x200], CabBuilder.cab(files(), false));
        Extraction x = Fixtures.extract(exe);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > sfx cab@0x202 > cab:firmware.bin > FV@0x5000 >");
    }

    @Test
    void lzxFolderIsNamedNotDecoded() {
        byte[] cab = CabBuilder.cab(files(), true);
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putShort(0x24 + 6, (short) 0x1503); // LZX, 21-bit window
        Extraction x = Fixtures.extract(cab);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CONTAINER_UNOPENED) && f.finding().message().contains("LZX"));
    }

    @Test
    void truncatedAndCorruptCabinetsEndInFindings() {
        byte[] cab = CabBuilder.cab(files(), true);
        Extraction cut = Fixtures.extract(Arrays.copyOf(cab, cab.length / 2));
        assertThat(cut.findings()).isNotEmpty();
        byte[] bad = cab.clone();
        int lastBlock = new String(bad, StandardCharsets.ISO_8859_1).lastIndexOf("CK");
        bad[lastBlock] = 'X'; // the last MSZIP block loses its signature
        Extraction x = Fixtures.extract(bad);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.CAB_BLOCK_INVALID));
    }

    @Test
    void cabextractAcceptsWhatTheBuilderWrites(@TempDir Path tmp) throws Exception {
        Tools.require("cabextract", "cabextract (package cabextract) is not installed");
        Files.write(tmp.resolve("a.cab"), CabBuilder.cab(files(), true));
        assertThat(run(tmp, "cabextract", "-q", "-d", "out", "a.cab")).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("out/firmware.bin"))).isEqualTo(files().get("firmware.bin"));
    }

    @Test
    void cabinetsWrittenByGcabAreRead(@TempDir Path tmp) throws Exception {
        Tools.require("gcab", "gcab (package gcab) is not installed");
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            Files.write(tmp.resolve(e.getKey()), e.getValue());
        }
        assertThat(run(tmp, "gcab", "-c", "-z", "g.cab", "readme.txt", "firmware.bin")).isZero();
        Extraction x = Fixtures.extract(Files.readAllBytes(tmp.resolve("g.cab")));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > cab:firmware.bin > FV@0x5000 >");
        assertThat(x.findings()).noneMatch(f -> f.finding().code().id().startsWith("firmware.cab-"));
    }

    private static int run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
