package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;

/**
 * Decoder for EFI compression (EFI 1.10 ch. 17, UEFI 2.9A ch. 19; rom-format.md 1.12): an 8-byte
 * header {u32 CompressedSize, u32 OriginalSize}, then blocks of canonical-Huffman coded LZ77
 * symbols. Written from the specification; hardened as EDK2 was after CVE-2017-5731..5735.
 */
public final class EfiDecompressor {
    static final int HEADER_SIZE = 8;

    private EfiDecompressor() {
    }

    /** The header's OriginalSize (u32 at +4). */
    public static long originalSize(ByteSlice in) throws CodecException {
        if (in.length() < HEADER_SIZE) {
            throw new CodecException("EFI compressed data: " + in.length()
                    + " bytes is too short for the 8-byte header {CompressedSize, OriginalSize}");
        }
        return in.u32(4);
    }

    /**
     * Decompresses {@code in} (header + bit stream; trailing bytes after CompressedSize are ignored).
     *
     * @param maxOutput the largest OriginalSize accepted; checked before anything is allocated
     */
    public static byte[] decompress(ByteSlice in, EfiCompressionVariant v, int maxOutput) throws CodecException {
        long original = originalSize(in);
        long compressed = in.u32(0);
        if (compressed > in.length() - HEADER_SIZE) {
            throw new CodecException("EFI compressed data truncated: header CompressedSize is " + compressed
                    + " bytes but only " + (in.length() - HEADER_SIZE) + " follow the header at offset 8");
        }
        int size = OutputLimits.check("EFI compressed data", original, compressed, maxOutput);
        byte[] out = new byte[size];
        if (size == 0) {
            return out;
        }
        EfiBitReader bits = new EfiBitReader(in.slice(HEADER_SIZE, compressed));
        try {
            new EfiBlockDecoder(bits, v).decode(out);
        } catch (CodecException e) {
            // the whole output was allocated and partly written: count it as produced
            throw new CodecException(e.getMessage(), e.getCause(), size);
        }
        return out;
    }
}
