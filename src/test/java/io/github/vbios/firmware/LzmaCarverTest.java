package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.Lzma;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.OptionRomBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Loose LZMA streams outside volumes (coreboot CBFS "pci10de,1c8d.rom" files) are decoded and searched. */
class LzmaCarverTest {
    /** A CBFS-like file: "LARCHIVE" header {len, type, checksum, offset} + name + LZMA data (big-endian fields). */
    private static byte[] cbfsFile(String name, byte[] data) {
        byte[] n = (name + "\0\0\0\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        h.put("LARCHIVE".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).putInt(0x30).putInt(0).putInt(24 + n.length);
        return FirmwareBuilder.concat(h.array(), n, data);
    }

    @Test
    void aCompressedRomInACbfsLikeAreaIsFound() {
        byte[] noise = new byte[0x3000];
        new Random(9).nextBytes(noise);
        byte[] image = FirmwareBuilder.concat(OptionRomBuilder.filled(0x1000, 0xFF), noise,
                cbfsFile("pci10de,1c8d.rom", Lzma.compress(Fixtures.NV_ROM)), OptionRomBuilder.filled(0x800, 0xFF));
        Extraction x = Fixtures.extract(image);
        assertThat(Fixtures.nvProvenance(x)).matches("in\\.bin > LZMA@0x[0-9A-F]+ > rom@0x0");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("lzma stream") && c.detail().endsWith("carved"));
    }

    @Test
    void withoutTheStreamNothingIsFound() {
        // control: the same area with the LZMA header's properties byte changed holds no ROM
        byte[] lz = Lzma.compress(Fixtures.NV_ROM);
        lz[0] = 0x5E;
        Extraction x = Fixtures.extract(FirmwareBuilder.concat(OptionRomBuilder.filled(0x1000, 0xFF), cbfsFile("x.rom", lz)));
        assertThat(Fixtures.hasNvRom(x)).isFalse();
        assertThat(x.findings()).noneMatch(f -> f.finding().is(FirmwareCode.DECODE_FAILED)); // guesses fail silently
    }
}
