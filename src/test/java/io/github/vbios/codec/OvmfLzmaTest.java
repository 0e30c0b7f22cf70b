package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.testutil.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real LZMA GUID-defined sections from Debian's OVMF build (package ovmf; firmware.md 2.7). */
class OvmfLzmaTest {
    private static final Path OVMF = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    /** EE4E5898-3914-4259-9D6E-DC7BD79403CF in its on-disk (mixed-endian) byte order. */
    private static final byte[] LZMA_GUID = {(byte) 0x98, 0x58, 0x4E, (byte) 0xEE, 0x14, 0x39, 0x59, 0x42,
        (byte) 0x9D, 0x6E, (byte) 0xDC, 0x7B, (byte) 0xD7, (byte) 0x94, 0x03, (byte) 0xCF};

    /** The data of every GUID-defined (type 0x02) section whose GUID is the LZMA one. */
    static List<ByteSlice> lzmaSections() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(OVMF), OVMF + " not installed (package ovmf); skipping");
        ByteSlice fd = ByteSlice.readFile(OVMF, 64 << 20);
        List<ByteSlice> found = new ArrayList<>();
        for (int g = fd.indexOf(LZMA_GUID, 4); g >= 0; g = fd.indexOf(LZMA_GUID, g + 1)) {
            int sec = g - 4;
            if (fd.u8(sec + 3) != 0x02) {
                continue; // a GUID reference elsewhere (e.g. in code), not a section header
            }
            int size = fd.u24(sec);
            int dataOffset = fd.u16(g + 16);
            if (size >= dataOffset && fd.contains(sec, size)) {
                found.add(fd.slice(sec + dataOffset, size - dataOffset));
            }
        }
        return found;
    }

    @Test
    void decodesTheCompressedVolumes() throws Exception {
        List<ByteSlice> sections = lzmaSections();
        assertThat(sections).isNotEmpty();
        for (ByteSlice s : sections) {
            byte[] out = Lzma.decompress(s, 256 << 20);
            assertThat((long) out.length).isEqualTo(s.u64(5));
            ByteSlice o = ByteSlice.of(out);
            // The output is a section stream holding a firmware volume image ("_FVH" signature).
            assertThat(o.indexOfAscii("_FVH", 0)).isPositive();
        }
    }

    @Test
    void peerXzGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        List<ByteSlice> sections = lzmaSections();
        Path xz = Tools.onPath("xz");
        Assumptions.assumeTrue(xz != null, "xz not installed; skipping the peer comparison");
        ByteSlice s = sections.get(0);
        Path in = tmp.resolve("section.lzma");
        Path out = tmp.resolve("section.bin");
        Files.write(in, s.toArray());
        Process p = new ProcessBuilder(xz.toString(), "-dc", "--format=lzma", in.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        byte[] ours = Lzma.decompress(s, 256 << 20);
        assertThat(ByteSlice.of(ours).sha256()).isEqualTo(ByteSlice.of(Files.readAllBytes(out)).sha256());
    }
}
