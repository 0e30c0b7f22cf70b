package io.github.vbios.codec;

import org.tukaani.xz.simple.X86;

/**
 * The inverse of {@link X86BcjFilter#decode}: turns relative CALL/JMP targets into absolute ones,
 * for the tests that build LZMA-F86 sections. vbios only reads such sections, so the encoder lives
 * in the test sources.
 */
public final class X86BcjEncoder {
    private X86BcjEncoder() {
    }

    /** Converts in place; {@code startOffset} is the buffer's address (0 for sections). */
    public static void encode(byte[] buf, long startOffset) {
        new X86(true, (int) startOffset).code(buf, 0, buf.length);
    }
}
