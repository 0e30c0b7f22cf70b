package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;

/**
 * The decoding rules of firmware.md 2.8 on top of {@link Codecs}: both EFI variants with the
 * section-stream guess, LZMA with the Intel +4 retry, budgets and findings.
 */
final class SectionDecoders {
    private SectionDecoders() {
    }

    /** EFI 1.1 and Tiano: keep the output that parses as sections, else the first that decoded. */
    static Decoded efiOrTiano(Blob where, long off, ByteSlice in, boolean v3, Walk walk) {
        if (!walk.budgetLeft(where)) {
            return null;
        }
        int cap = walk.streamCap(in.length());
        Decoded first = null;
        String error = null;
        for (boolean tiano : new boolean[] {false, true}) {
            try {
                byte[] out = Codecs.efi(in, tiano, cap);
                Decoded dec = new Decoded(tiano ? "Tiano" : "EFI 1.1", ByteSlice.of(out));
                if (Section.looksLikeStream(dec.data(), v3)) {
                    return account(dec, walk);
                }
                if (first == null) {
                    first = dec;
                }
            } catch (DecodeFailure e) {
                error = e.getMessage();
            }
        }
        if (first != null) {
            walk.finding(where, Finding.info(off, "can't guess the EFI decompression variant; using " + first.algorithm()));
            return account(first, walk);
        }
        walk.warn(where, off, "EFI/Tiano decompression failed: " + error);
        return null;
    }

    /** EDK2 LZMA, retried 4 bytes further on as UEFITool does for Intel's legacy variant. */
    static Decoded lzma(Blob where, long off, ByteSlice in, boolean x86, Walk walk) {
        if (!walk.budgetLeft(where)) {
            return null;
        }
        int cap = walk.streamCap(in.length());
        String error;
        try {
            return account(finishLzma(Codecs.lzma(in, cap), x86), walk);
        } catch (DecodeFailure e) {
            error = e.getMessage();
        }
        if (in.length() > 4) {
            try {
                return account(finishLzma(Codecs.lzma(in.from(4), cap), x86), walk);
            } catch (DecodeFailure ignored) {
                // report the first error: the +4 variant is the rare one
            }
        }
        walk.warn(where, off, (x86 ? "LZMA-F86" : "LZMA") + " decompression failed: " + error);
        return null;
    }

    private static Decoded finishLzma(byte[] out, boolean x86) {
        if (x86) {
            Codecs.x86Decode(out);
        }
        return new Decoded(x86 ? "LZMA-F86" : "LZMA", ByteSlice.of(out));
    }

    static Decoded brotli(Blob where, long off, ByteSlice in, Walk walk) {
        return simple(where, off, in, walk, "Brotli");
    }

    static Decoded zlib(Blob where, long off, ByteSlice in, Walk walk) {
        return simple(where, off, in, walk, "zlib");
    }

    private static Decoded simple(Blob where, long off, ByteSlice in, Walk walk, String algorithm) {
        if (!walk.budgetLeft(where)) {
            return null;
        }
        try {
            int cap = walk.streamCap(in.length());
            byte[] out = algorithm.equals("Brotli") ? Codecs.brotli(in, cap) : Codecs.zlib(in, cap);
            return account(new Decoded(algorithm, ByteSlice.of(out)), walk);
        } catch (DecodeFailure e) {
            walk.warn(where, off, algorithm + " decompression failed: " + e.getMessage());
            return null;
        }
    }

    private static Decoded account(Decoded d, Walk walk) {
        walk.decoded(d.data().length());
        return d;
    }
}
