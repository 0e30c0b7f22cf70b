package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Container#recognises} looks at magic bytes, not through the whole blob (it runs on every
 * blob of the walk): Dell HDR sections and Insyde iFlash images deep inside data that is no
 * executable are not recognised; inside an executable (their flashers) they are searched when opened.
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

    @Test
    void noContainerRecognisesWhatLiesDeepInside() {
        for (byte[] marker : new byte[][] {dellSection(), iflash()}) {
            byte[] deep = FirmwareBuilder.concat(new byte[] {1, 2, 3, 4}, new byte[DEEP], marker);
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

    private static List<String> kinds(byte[] data) {
        return FirmwareExplorer.standard(ExternalTools.none()).containers().stream()
                .filter(c -> c.recognises(ByteSlice.of(data))).map(Container::kind).toList();
    }
}
