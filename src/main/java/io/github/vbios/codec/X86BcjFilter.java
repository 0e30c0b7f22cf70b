package io.github.vbios.codec;

import org.tukaani.xz.simple.X86;

/**
 * The x86 branch converter (BCJ) used by the LZMA-F86 GUID-defined section (firmware.md 2.7/2.8:
 * {@code x86_Convert(buf, size, 0, &state, 0)} after LZMA). Converts in place; as in the reference,
 * the last four bytes of a buffer are never converted. Decode only: the encoder the tests' section
 * builders need is {@code X86BcjEncoder} in the test sources.
 */
public final class X86BcjFilter {
    private X86BcjFilter() {
    }

    /** Turns absolute CALL/JMP targets back into relative ones; {@code startOffset} is the buffer's address (0 for sections). */
    public static void decode(byte[] buf, long startOffset) {
        new X86(false, (int) startOffset).code(buf, 0, buf.length);
    }
}
