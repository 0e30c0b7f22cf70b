package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.TdkBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoenixTdkTest {
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);

    private static Map<String, byte[]> files() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("WinFlash.exe", new byte[] {'M', 'Z', 0, 0});
        m.put("BIOS.WPH", IMAGE);
        return m;
    }

    @Test
    void lzmaPackedFilesAreDecodedAndWalked() {
        Extraction x = Fixtures.extract(TdkBuilder.exe(files(), true));
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > TDK:BIOS.WPH (LZMA) > FV@0x0");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("phoenix-tdk") && c.detail().equals("2 files, base 0x0"));
    }

    @Test
    void offsetsCountFromThePackerExeInsideALargerFile() {
        byte[] wrapped = FirmwareBuilder.concat(new byte[0x1234], TdkBuilder.exe(files(), false));
        Extraction x = Fixtures.extract(wrapped);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > TDK:BIOS.WPH > FV@0x0");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("phoenix-tdk") && c.detail().endsWith("base 0x1234"));
    }
}
