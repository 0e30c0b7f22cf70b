package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Limits;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a Realtek PXE ROM (10ec:8168) in an ASUS Aptio 4 CSM volume has byte 2 = 0x68 blocks
 * (53,248 bytes) but PCIR length 0x66 (52,224): the carved PCI view ends at the PCIR length, and
 * the sum over byte 2's range must be taken in the buffer the view was cut from.
 */
class ChecksumParentRangeTest {
    private static final int PCIR_LENGTH = 0x66 * 512;

    /** The Realtek layout: PCIR length 0x66 blocks, byte 2 = 0x68, both sums zero in the volume. */
    private static byte[] realtek() {
        byte[] rom = FirmwareBuilder.optionRom(0x10EC, 0x8168, 0x020000, PCIR_LENGTH);
        rom[2] = 0x68;
        rom[PCIR_LENGTH - 1] = (byte) (rom[PCIR_LENGTH - 1] - 2); // keeps the sum over the PCIR length at zero
        return rom;
    }

    /** The ROM followed, in its parent buffer, by 1 KiB summing to {@code tailSum} and more data. */
    private static byte[] inBuffer(int tailSum) {
        byte[] tail = new byte[1024 + 4096];
        tail[100] = (byte) tailSum;
        for (int i = 1024; i < tail.length; i++) {
            tail[i] = (byte) (i * 7 + 3);
        }
        return FirmwareBuilder.concat(realtek(), tail);
    }

    private static X86Checksum firstChecksum(FoundRom f) {
        return f.analysis().checksums().get(0);
    }

    @Test
    void byte2RangePastTheViewIsSummedInTheParentBuffer() {
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(inBuffer(0)));
        assertThat(found).hasSize(1);
        FoundRom f = found.get(0);
        assertThat(f.pciViewLength()).isEqualTo(PCIR_LENGTH);
        X86Checksum c = firstChecksum(f);
        assertThat(c.byte2Length()).isEqualTo(0x68 * 512);
        assertThat(c.byte2Sum()).isZero();
        assertThat(c.pcirSum()).isZero();
        assertThat(c.valid()).isTrue();
        assertThat(c.seabiosAccepts()).isTrue();
    }

    @Test
    void aNonZeroSumInTheParentStaysBad() {
        X86Checksum c = firstChecksum(RomScanner.scan(ByteSlice.of(inBuffer(5))).get(0));
        assertThat(c.byte2Sum()).isEqualTo(5);
        assertThat(c.valid()).isFalse();
    }

    @Test
    void theCutRomfileAloneFallsBackToThePcirLength() {
        X86Checksum c = RomAnalyzer.analyze(ByteSlice.of(realtek())).checksums().get(0);
        assertThat(c.byte2Sum()).isEqualTo(-1);
        assertThat(c.rule()).isEqualTo("pcirLength");
        assertThat(c.valid()).isTrue();
    }

    @Test
    void extractSaysChecksumOkForTheRomInACsmVolume() {
        byte[] volume = FirmwareBuilder.volume(FirmwareBuilder.ffsFile("A062CF1F-8473-4AA3-8793-600BC4FFE9A8", 0x02,
                FirmwareBuilder.sections(FirmwareBuilder.rawSection(inBuffer(0)))));
        Extraction x = Extractor.run(ByteSlice.of(volume), "csm.fd", Limits.defaults(), ExternalTools.none());
        CarvedRom r = x.roms().stream().filter(c -> c.vendorId() == 0x10EC).findFirst().orElseThrow();
        assertThat(r.pciView().length()).isEqualTo(PCIR_LENGTH);
        assertThat(r.checksumValid()).isTrue();
    }
}
