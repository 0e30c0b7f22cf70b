package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.UcpBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmiUcpTest {
    private static final byte[] REGION = FirmwareBuilder.concat(OptionRomBuilder.filled(0x1000, 0xFF),
            Fixtures.romVolume(FirmwareSamples::lzmaSection));
    private static final byte[] TEXT = "@ROM:\\BIOS\\BIOS.bin\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void compressedRomModuleInsideAnHpuPackageInsideAnExe() {
        byte[] ucp = UcpBuilder.ucp("@HPU", UcpBuilder.stored("@NAL", TEXT),
                UcpBuilder.compressed("@ROM", REGION, EfiCompressionVariant.TIANO), UcpBuilder.stored("@CMD", TEXT));
        byte[] exe = FirmwareBuilder.concat(OptionRomBuilder.filled(0x300, 0x4D), ucp);
        Extraction x = Fixtures.extract(exe);
        int rom = 0x300 + 0x10 + 0x18 + TEXT.length;
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > UCP @ROM@0x" + Integer.toHexString(rom).toUpperCase(Locale.ROOT)
                + " (Tiano) > FV@0x1000");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("ami-ucp") && c.offset() == 0x300
                && c.name().equals("@HPU") && c.detail().equals("3 modules"));
    }

    @Test
    void storedPfatModuleIsJoinedToo() {
        byte[] pfat = BiosGuardBuilder.amiPfat(0x1000, new String[] {"BIOS"}, new byte[][] {REGION});
        byte[] ucp = UcpBuilder.ucp("@UAF", UcpBuilder.stored("@R01", pfat));
        Extraction x = Fixtures.extract(ucp);
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > UCP @R01@0x10 > AMI PFAT BIOS (");
    }

    @Test
    void aModuleSizeThatDoesNotFitEndsTheListWithAFinding() {
        byte[] ucp = UcpBuilder.ucp("@UAF", UcpBuilder.stored("@NAL", TEXT), UcpBuilder.stored("@ROM", REGION));
        byte[] bad = ucp.clone();
        int second = 0x10 + 0x18 + TEXT.length;
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 4, 0x7FFFFFFF);
        Extraction x = Fixtures.extract(bad);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.UCP_MODULE_INVALID) && f.finding().message().contains("2147483647"));
        assertThat(Fixtures.hasNvRom(x)).isTrue(); // the raw scan still finds the uncompressed volume
        assertThat(Arrays.equals(bad, ucp)).isFalse();
    }
}
