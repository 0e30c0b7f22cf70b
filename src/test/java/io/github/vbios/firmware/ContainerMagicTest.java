package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.TdkBuilder;
import io.github.vbios.sample.UcpBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Container#recognises} looks at magic bytes, not through the whole blob (it runs on every
 * blob of the walk): Dell HDR sections and Insyde iFlash images deep inside data that is no
 * executable are not recognised; inside an executable (their flashers) they are searched when opened.
 * AMI UCP, AMI PFAT and Phoenix TDK packages are {@link EmbeddedFormat}s: no container claims them,
 * and the walk still finds them deep inside such data, once, before the raw-area scan.
 */
class ContainerMagicTest {
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);
    /** Far past any fixed magic offset (the largest is ISO 9660's at 0x8001). */
    private static final int DEEP = 0x20000;

    private static byte[] iflash() {
        return FirmwareBuilder.concat("$_IFLASH_BIOSIMG".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(IMAGE.length + 0x18)
                        .putInt(IMAGE.length).array(), IMAGE);
    }

    /** The Dell HDR section of the sample without its exe stub. */
    private static byte[] dellSection() {
        byte[] exe = FirmwareWrappers.dellHdr(IMAGE);
        return Arrays.copyOfRange(exe, 0x27, exe.length);
    }

    private static byte[] ucp() {
        return UcpBuilder.ucp("@UAF", UcpBuilder.compressed("@ROM", IMAGE, EfiCompressionVariant.EFI_1_1));
    }

    private static byte[] pfat() {
        return BiosGuardBuilder.amiPfat(0x1000, new String[] {"BIOS"}, new byte[][] {IMAGE});
    }

    private static byte[] tdk() {
        return TdkBuilder.exe(Map.of("BIOS.WPH", IMAGE), true);
    }

    private static byte[] deep(byte[] marker) {
        return FirmwareBuilder.concat(new byte[] {1, 2, 3, 4}, new byte[DEEP], marker);
    }

    @Test
    void noContainerRecognisesWhatLiesDeepInside() {
        for (byte[] marker : new byte[][] {dellSection(), iflash(), ucp(), pfat(), tdk()}) {
            byte[] deep = deep(marker);
            byte[] blank = Arrays.copyOf(Arrays.copyOf(deep, DEEP), deep.length);
            for (Container c : FirmwareExplorer.standard(ExternalTools.none()).containers()) {
                assertThat(c.recognises(ByteSlice.of(deep))).as(c.kind())
                        .isEqualTo(c.recognises(ByteSlice.of(blank)));
            }
        }
    }

    @Test
    void dellAndInsydeStillRecogniseTheirHeadersAndExecutables() {
        byte[] exe = FirmwareWrappers.dellHdr(IMAGE);
        assertThat(kinds(exe)).contains("dell-pfs", "iflash");
        assertThat(kinds(dellSection())).contains("dell-pfs").doesNotContain("iflash");
        assertThat(kinds(iflash())).contains("iflash").doesNotContain("dell-pfs");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(dellSection()))).startsWith("in.bin > Dell HDR@0x0 > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(iflash()))).startsWith("in.bin > iFlash _BIOSIMG@0x0 > FV@0x0");
    }

    @Test
    void embeddedFormatsAreFoundDeepInsideDataThatIsNoExecutable() {
        int at = 4 + DEEP;
        assertThat(Fixtures.nvProvenance(Fixtures.extract(deep(ucp())))).startsWith("in.bin > UCP @ROM@0x"
                + Integer.toHexString(at + 0x10).toUpperCase(Locale.ROOT) + " (EFI 1.1) > FV@0x0");
        assertThat(Fixtures.nvProvenance(Fixtures.extract(deep(pfat())))).startsWith("in.bin > AMI PFAT BIOS (");
        Extraction tdk = Fixtures.extract(deep(tdk()));
        assertThat(Fixtures.nvProvenance(tdk)).startsWith("in.bin > TDK:BIOS.WPH (LZMA) > FV@0x0");
        assertThat(tdk.containers()).anyMatch(c -> c.kind().equals("phoenix-tdk")
                && c.detail().endsWith("base " + Hex.offset(at)));
        assertThat(FirmwareExplorer.standard(ExternalTools.none()).embedded()).extracting(EmbeddedFormat::kind)
                .containsExactly("ami-ucp", "ami-pfat", "phoenix-tdk");
    }

    private static List<String> kinds(byte[] data) {
        return FirmwareExplorer.standard(ExternalTools.none()).containers().stream()
                .filter(c -> c.recognises(ByteSlice.of(data))).map(Container::kind).toList();
    }
}
