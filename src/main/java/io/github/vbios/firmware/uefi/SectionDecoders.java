package io.github.vbios.firmware.uefi;

import io.github.vbios.codec.CodecException;
import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Codecs;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.Optional;

/**
 * The decoding rules of firmware.md 2.8 on top of {@link Codecs}: both EFI variants with the
 * section-stream guess, LZMA with the Intel +4 retry, budgets and findings.
 */
public final class SectionDecoders {
    private SectionDecoders() {
    }

    /** EFI 1.1 and Tiano: keep the output that parses as sections, else the first that decoded. */
    public static Optional<Decoded> efiOrTiano(Blob where, long off, ByteSlice in, boolean v3, Walk walk) {
        if (!walk.budgetLeft(where)) {
            return Optional.empty();
        }
        Decoded first = null;
        CodecException error = null;
        for (boolean tiano : new boolean[] {false, true}) {
            if (tiano && !walk.budgetLeft(where)) {
                break; // the first try has set first or error
            }
            try {
                byte[] out = Codecs.efi(in, tiano, walk.streamCap(in.length()));
                Decoded dec = new Decoded(tiano ? "Tiano" : "EFI 1.1", ByteSlice.of(out));
                walk.decoded(out.length);
                if (Section.looksLikeStream(dec.data(), v3)) {
                    return Optional.of(dec);
                }
                if (first == null) {
                    first = dec;
                }
            } catch (CodecException e) {
                walk.decoded(e.produced());
                error = e;
            }
        }
        if (first != null) {
            walk.finding(where, Finding.info(FirmwareCode.EFI_VARIANT_GUESSED,
                    off, "can't guess the EFI decompression variant; using " + first.algorithm()));
            return Optional.of(first);
        }
        failed(where, off, in, "EFI/Tiano", error, walk);
        return Optional.empty();
    }

    /** EDK2 LZMA, retried 4 bytes further on as UEFITool does for Intel's legacy variant. */
    public static Optional<Decoded> lzma(Blob where, long off, ByteSlice in, boolean x86, Walk walk) {
        if (!walk.budgetLeft(where)) {
            return Optional.empty();
        }
        int cap = walk.streamCap(in.length());
        CodecException error;
        try {
            return Optional.of(account(finishLzma(Codecs.lzma(in, cap), x86), walk));
        } catch (CodecException e) {
            walk.decoded(e.produced());
            error = e;
        }
        if (in.length() > 4 && walk.budgetLeft(where)) {
            try {
                return Optional.of(account(finishLzma(Codecs.lzma(in.from(4), walk.streamCap(in.length())), x86), walk));
            } catch (CodecException e) {
                // report the first error: the +4 variant is the rare one
                walk.decoded(e.produced());
            }
        }
        failed(where, off, in, x86 ? "LZMA-F86" : "LZMA", error, walk);
        return Optional.empty();
    }

    private static Decoded finishLzma(byte[] out, boolean x86) {
        if (x86) {
            Codecs.x86Decode(out);
        }
        return new Decoded(x86 ? "LZMA-F86" : "LZMA", ByteSlice.of(out));
    }

    static Optional<Decoded> brotli(Blob where, long off, ByteSlice in, Walk walk) {
        return simple(where, off, in, walk, "Brotli");
    }

    public static Optional<Decoded> zlib(Blob where, long off, ByteSlice in, Walk walk) {
        return simple(where, off, in, walk, "zlib");
    }

    private static Optional<Decoded> simple(Blob where, long off, ByteSlice in, Walk walk, String algorithm) {
        if (!walk.budgetLeft(where)) {
            return Optional.empty();
        }
        try {
            int cap = walk.streamCap(in.length());
            byte[] out = algorithm.equals("Brotli") ? Codecs.brotli(in, cap) : Codecs.zlib(in, cap);
            return Optional.of(account(new Decoded(algorithm, ByteSlice.of(out)), walk));
        } catch (CodecException e) {
            walk.decoded(e.produced());
            failed(where, off, in, algorithm, e, walk);
            return Optional.empty();
        }
    }

    /** A refused size is a limit (the walk is incomplete); anything else is corrupt data. */
    private static void failed(Blob where, long off, ByteSlice in, String algorithm, CodecException e, Walk walk) {
        String message = algorithm + " decompression failed: " + e.getMessage();
        if (e.isOverLimit()) {
            walk.refused(where, off, in.length(), message);
        } else {
            walk.warn(where, FirmwareCode.DECODE_FAILED, off, message);
        }
    }

    private static Decoded account(Decoded d, Walk walk) {
        walk.decoded(d.data().length());
        return d;
    }
}
