package io.github.vbios.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encoder for EFI compression (UEFI 2.9A ch. 19): LZ77 over an 8 KiB (EFI 1.1) or 512 KiB (Tiano)
 * window, canonical Huffman blocks. Used by builders and the demo to make synthetic compressed
 * option ROMs and firmware sections; its streams follow the layout EDK2's encoder writes.
 */
public final class EfiCompressor {
    /** Symbols per block; the format's block-size field is 16 bits. */
    private static final int BLOCK_SYMBOLS = 0x7FFF;
    private static final int MAX_CHAIN = 96;

    private EfiCompressor() {
    }

    public static byte[] compress(byte[] data, EfiCompressionVariant v) {
        EfiBitWriter out = new EfiBitWriter(data.length / 2 + 16);
        EfiBlockEncoder blocks = new EfiBlockEncoder(out, v, BLOCK_SYMBOLS);
        Lz77Matcher m = new Lz77Matcher(data, 1 << v.windowBits(), MAX_CHAIN);
        int i = 0;
        while (i < data.length) {
            int len = m.longest(i);
            int dist = m.distance();
            // One step of lazy matching: a longer match at the next byte wins over this one.
            if (len > 0 && len < Lz77Matcher.MAX_MATCH && i + 1 < data.length && m.longest(i + 1) > len) {
                len = 0;
            }
            if (len == 0) {
                blocks.literal(data[i] & 0xFF);
                i++;
            } else {
                blocks.match(len, dist);
                i += len;
            }
        }
        blocks.flush();
        byte[] stream = out.finish();
        // EDK2 terminates the stream with one zero byte that CompressedSize counts.
        ByteBuffer b = ByteBuffer.allocate(EfiDecompressor.HEADER_SIZE + stream.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(stream.length + 1).putInt(data.length).put(stream).put((byte) 0);
        return b.array();
    }
}
