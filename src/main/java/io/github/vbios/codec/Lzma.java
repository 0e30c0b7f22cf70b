package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;

/**
 * The EDK2 LZMA section format ("LZMA alone", firmware.md 2.8): 1 byte properties (lc/lp/pb),
 * u32 dictionary size, u64 uncompressed size (all ones = unknown, end marker), then the
 * range-coded stream. Decoding and encoding are done by xz-java.
 *
 * <p>With a known size the end condition is relaxed (xz-java's {@code enableRelaxedEndCondition}):
 * EDK2/Insyde encoders (the LG R510 DXE volume) leave the range coder unfinished after the
 * declared size, which LzmaDecompress and UEFITool accept; decoding stops after exactly that many
 * bytes, with or without an end marker.
 */
public final class Lzma {
    static final int HEADER_SIZE = 13;
    private static final long UNKNOWN_SIZE = -1L;
    private static final int MIN_DICT = 4096;

    private Lzma() {
    }

    /** Decodes a whole LZMA-alone stream; refuses outputs larger than {@code maxOutput}. */
    public static byte[] decompress(ByteSlice in, int maxOutput) throws CodecException {
        if (in.length() < HEADER_SIZE) {
            throw new CodecException("LZMA data: " + in.length() + " bytes is too short for the 13-byte header");
        }
        int props = in.u8(0);
        if (props >= 9 * 5 * 5) {
            throw new CodecException(String.format("LZMA data: properties byte 0x%02X at offset 0 is invalid "
                    + "(lc/lp/pb must encode below 0xE1)", props));
        }
        long dict = in.u32(1);
        long size = in.u64(5);
        int cap = OutputLimits.streamCap(in.length(), maxOutput);
        if (size != UNKNOWN_SIZE) {
            cap = OutputLimits.check("LZMA data", size, in.length(), maxOutput);
        }
        // The dictionary never needs to be larger than the output it may reference.
        int dictSize = (int) Math.max(MIN_DICT, Math.min(dict, Math.max(cap, MIN_DICT)));
        // the range decoder reads byte by byte: ByteSlice.inputStream() is unsynchronized, unlike ByteArrayInputStream
        InputStream raw = in.from(HEADER_SIZE).inputStream();
        CountingInput counted = null;
        try (LZMAInputStream lz = new LZMAInputStream(raw, size, (byte) props, dictSize)) {
            counted = new CountingInput(lz);
            if (size == UNKNOWN_SIZE) {
                return StreamReader.readAll(counted, cap, "LZMA data");
            }
            lz.enableRelaxedEndCondition();
            return StreamReader.readExactly(counted, (int) size, "LZMA data");
        } catch (IOException | RuntimeException e) {
            throw new CodecException("LZMA data invalid (stream starts at offset 13): " + describe(e), e,
                    counted == null ? 0 : counted.count());
        }
    }

    /** Encodes {@code data} in the same header layout EDK2's LzmaCompress writes (known size, no end marker). */
    public static byte[] compress(byte[] data) {
        try {
            LZMA2Options options = new LZMA2Options(LZMA2Options.PRESET_DEFAULT);
            int dict = Integer.highestOneBit(Math.max(MIN_DICT, data.length - 1)) << 1;
            options.setDictSize(Math.min(Math.max(dict, LZMA2Options.DICT_SIZE_MIN), 1 << 23));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2 + 64);
            try (LZMAOutputStream lz = new LZMAOutputStream(bytes, options, data.length)) {
                lz.write(data);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory LZMA encoding cannot fail with I/O", e);
        }
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
