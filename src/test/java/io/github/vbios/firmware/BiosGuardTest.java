package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.OptionRomBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** BIOS regions cut into BIOS Guard blocks (Dell PFS, AMI PFAT) are joined before the walk. */
class BiosGuardTest {
    /** A BIOS region whose ROM sits in an LZMA section: a block header in the middle breaks the stream. */
    private static final byte[] REGION = FirmwareBuilder.concat(OptionRomBuilder.filled(0x3000, 0xFF),
            Fixtures.romVolume(FirmwareSamples::lzmaSection));
    private static final String MAIN_ENTRY = "FD041960-0DC8-4B9F-8225-BBA9E37C71E0";

    private static byte[] dellPackage(byte[] subPfs) {
        byte[] main = BiosGuardBuilder.pfs(BiosGuardBuilder.pfsEntry(MAIN_ENTRY, 2, subPfs, 0, new byte[0]));
        return FirmwareWrappers.dellHdr(main);
    }

    @Test
    void dellBiosGuardBlocksAreJoinedInFlashOrder() {
        byte[] sub = BiosGuardBuilder.dellBiosGuardPfs(REGION, 0x800, 7);
        Extraction x = Fixtures.extract(dellPackage(sub));
        int blocks = (REGION.length + 0x7FF) / 0x800;
        assertThat(Fixtures.nvProvenance(x)).contains("PFS entry " + MAIN_ENTRY + " > PFS payload > BIOS Guard image ("
                + blocks + " blocks) > FV@0x3000");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("bios-guard")
                && c.detail().equals(blocks + " blocks joined into " + REGION.length + " bytes"));
    }

    @Test
    void withoutJoiningTheRomIsLost() {
        // control: the same package with every block's script broken is walked block by block
        byte[] sub = BiosGuardBuilder.dellBiosGuardPfs(REGION, 0x800, 7);
        byte[] broken = sub.clone();
        ByteSlice s = ByteSlice.of(broken);
        byte[] mark = "DELL BIOSGUARD".getBytes(StandardCharsets.US_ASCII);
        for (int p = s.indexOf(mark, 0); p >= 0; p = s.indexOf(mark, p + 1)) {
            broken[p - 4 + 0x30] = 0x02; // first opcode is no longer "begin"
        }
        Extraction x = Fixtures.extract(dellPackage(broken));
        assertThat(Fixtures.hasNvRom(x)).isFalse();
        assertThat(x.containers()).noneMatch(c -> c.kind().equals("bios-guard"));
    }

    @Test
    void metadataOffsetsWinAndGapsBecomeErasedFlash() {
        // two blocks with a hole between them: [0x0, 0x800) and [0x1000, ...); the metadata places them
        byte[] a = Arrays.copyOfRange(REGION, 0, 0x800);
        byte[] b = Arrays.copyOfRange(REGION, 0x1000, REGION.length);
        byte[] sub = BiosGuardBuilder.pfs(
                BiosGuardBuilder.pfsEntry(BiosGuardBuilder.PFAT_ENTRY, 2, BiosGuardBuilder.block(b, 0x9999, false), 0,
                        meta(0x1000, b.length)),
                BiosGuardBuilder.pfsEntry(BiosGuardBuilder.PFAT_ENTRY, 1, BiosGuardBuilder.block(a, 0x9999, false), 0,
                        meta(0, a.length)));
        Extraction x = Fixtures.extract(dellPackage(sub));
        assertThat(Fixtures.nvProvenance(x)).contains("BIOS Guard image (2 blocks) > FV@0x3000");
    }

    private static byte[] meta(int offset, int size) {
        return ByteBuffer.allocate(0x19).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFF000000 + offset).putInt(0)
                .putInt(offset).putInt(size).array();
    }

    @Test
    void lyingOffsetsHitTheOutputLimitNotTheHeap() {
        byte[] sub = BiosGuardBuilder.pfs(
                BiosGuardBuilder.pfsEntry(BiosGuardBuilder.PFAT_ENTRY, 2, BiosGuardBuilder.block(REGION, 0, false), 0,
                        meta(0x7FFFFFF0, REGION.length)));
        Extraction x = Fixtures.extract(dellPackage(sub));
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.BIOS_GUARD_NOT_JOINED));
        assertThat(Fixtures.hasNvRom(x)).isTrue(); // one block holds the whole region: found block by block
    }

    @Test
    void amiPfatFilesAreJoinedFromTheirBlocks() {
        byte[] ec = OptionRomBuilder.filled(0x1800, 0x5A);
        byte[] pkg = BiosGuardBuilder.amiPfat(0x1000, new String[] {"BIOS_IMG", "EC_IMG"}, new byte[][] {REGION, ec});
        byte[] exe = FirmwareBuilder.concat(OptionRomBuilder.filled(0x200, 0x4D), pkg);
        Extraction x = Fixtures.extract(exe);
        int blocks = (REGION.length + 0xFFF) / 0x1000;
        assertThat(Fixtures.nvProvenance(x)).startsWith("in.bin > AMI PFAT BIOS_IMG (" + blocks + " blocks) > FV@0x3000");
        assertThat(x.containers()).anyMatch(c -> c.kind().equals("ami-pfat") && c.offset() == 0x200
                && c.detail().equals("2 files"));
    }

    @Test
    void amiPfatWithATruncatedBlockSaysSoAndScansRaw() {
        byte[] pkg = BiosGuardBuilder.amiPfat(0x1000, new String[] {"BIOS_IMG"}, new byte[][] {REGION});
        byte[] cut = Arrays.copyOf(pkg, pkg.length - 0x1300);
        Extraction x = Fixtures.extract(cut);
        assertThat(x.findings()).anyMatch(f -> f.finding().is(FirmwareCode.BIOS_GUARD_BLOCK_INVALID) && f.finding().message().contains("BIOS_IMG"));
    }
}
