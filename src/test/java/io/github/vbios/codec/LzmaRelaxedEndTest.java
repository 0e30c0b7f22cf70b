package io.github.vbios.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.testutil.Corpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.CorruptedInputException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;

/**
 * Known-size LZMA streams whose range coder is not finished after the declared size (what EDK2's
 * LzmaDecompress and UEFITool accept, and what the LG R510 Insyde image holds): {@link Lzma} must
 * decode them, where xz-java's strict end condition says "Compressed data is corrupt".
 */
class LzmaRelaxedEndTest {
    private static final int LIMIT = 64 << 20;

    /**
     * A known-size header followed by a stream that also carries an end-of-stream marker (as the
     * LG R510 Insyde encoder writes): after the declared size the strict decoder finds the range
     * coder unfinished (the marker is still unread) and calls the data corrupt.
     */
    private static byte[] unfinishedStream(byte[] data) {
        try {
            LZMA2Options options = new LZMA2Options();
            options.setDictSize(1 << 16);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            int props;
            try (LZMAOutputStream lz = new LZMAOutputStream(raw, options, true)) {
                props = lz.getProps();
                lz.write(data);
            }
            ByteBuffer header = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) props).putInt(1 << 16).putLong(data.length);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(header.array());
            all.write(raw.toByteArray());
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            sb.append("option ROM ").append(i % 97).append(" PCIR ").append(i * 31 % 1009).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void strictDecoderRejectsTheStream() {
        byte[] packed = unfinishedStream(text());
        assertThatThrownBy(() -> strict(packed)).isInstanceOf(CorruptedInputException.class);
    }

    @Test
    void codecDecodesTheDeclaredSize() throws Exception {
        byte[] data = text();
        assertThat(Lzma.decompress(ByteSlice.of(unfinishedStream(data)), LIMIT)).isEqualTo(data);
    }

    @Test
    void limitsStillApply() {
        byte[] packed = unfinishedStream(text());
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(packed), 1000)).isInstanceOf(CodecException.class)
                .hasMessageContaining("exceeds the limit");
        byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
        assertThatThrownBy(() -> Lzma.decompress(ByteSlice.of(truncated), LIMIT)).isInstanceOf(CodecException.class);
    }

    /** The LG R510 image's DXE volume stream: the real case (skipped without the corpus). */
    @Test
    void lgInsydeDxeVolumeDecodes() throws Exception {
        ByteSlice fd = ByteSlice.of(Files.readAllBytes(Corpus.file("firmware/lg-r510-insyde.fd")));
        int decoded = 0;
        // LZMA-alone headers as EDK2 writes them: props 0x5D, then a dictionary size and a known u64 size.
        for (int off = 0; off + 13 < fd.length(); off++) {
            if (fd.u8(off) != 0x5D || fd.u8(off + 1) != 0 || fd.u32(off + 1) > 1 << 26 || fd.u64(off + 5) <= 0
                    || fd.u64(off + 5) > 16 << 20 || fd.u8(off + 12) != 0) {
                continue;
            }
            ByteSlice s = fd.from(off);
            try {
                byte[] out = Lzma.decompress(s, LIMIT);
                assertThat((long) out.length).isEqualTo(s.u64(5));
                decoded++;
            } catch (CodecException e) {
                // a stray 0x5D that only looks like a header
            }
        }
        assertThat(decoded).as("LZMA streams decoded from the LG image").isPositive();
    }

    private static void strict(byte[] packed) throws IOException {
        ByteSlice s = ByteSlice.of(packed);
        try (LZMAInputStream lz = new LZMAInputStream(new ByteArrayInputStream(packed, 13, packed.length - 13),
                s.u64(5), (byte) s.u8(0), (int) s.u32(1))) {
            lz.readAllBytes();
        }
    }
}
