package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import java.io.InputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Payload of EDK2's Brotli GUID-defined section (3D532050-5CDA-4FD0-879E-0F7F630D5AFB; firmware.md 2.7,
 * EDK2 BrotliCustomDecompressLib): u64 decoded size, u64 scratch size, then a raw Brotli stream.
 */
public final class BrotliCodec {
    static final int HEADER_SIZE = 16;

    private BrotliCodec() {
    }

    public static byte[] decompress(ByteSlice in, int maxOutput) throws CodecException {
        if (in.length() < HEADER_SIZE) {
            throw new CodecException("Brotli section data: " + in.length()
                    + " bytes is too short for the 16-byte {u64 decoded size, u64 scratch size} header");
        }
        long size = in.u64(0);
        int n = OutputLimits.check("Brotli section data", size, in.length(), maxOutput);
        InputStream raw = in.from(HEADER_SIZE).inputStream();
        CountingInput counted = null;
        try (BrotliInputStream br = new BrotliInputStream(raw)) {
            counted = new CountingInput(br);
            return StreamReader.readExactly(counted, n, "Brotli section data");
        } catch (IOException | RuntimeException e) {
            throw new CodecException("Brotli section data invalid (stream starts at offset 16): " + Lzma.describe(e), e,
                    counted == null ? 0 : counted.count());
        }
    }
}
