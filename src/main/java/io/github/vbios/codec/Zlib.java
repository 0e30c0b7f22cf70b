package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** zlib (RFC 1950) streams, as in AMD's zlib GUID-defined sections and Dell PFS payloads (firmware.md 2.7, 3). */
public final class Zlib {
    private Zlib() {
    }

    /**
     * Inflates one zlib stream; bytes after its end are ignored; more than the limit is an error.
     * Failures report how many bytes were inflated before them ({@link CodecException#produced()}).
     */
    public static byte[] inflate(ByteSlice in, int maxOutput) throws CodecException {
        int cap = OutputLimits.streamCap(in.length(), maxOutput);
        Inflater inf = new Inflater();
        int n = 0;
        try {
            inf.setInput(in.buffer());
            byte[] out = new byte[(int) Math.min(cap, Math.max(64L, in.length() * 4L))];
            while (!inf.finished()) {
                if (n == out.length) {
                    if (n >= cap) {
                        checkEndsAt(inf, cap);
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(cap, (long) out.length * 2));
                }
                int r = inf.inflate(out, n, out.length - n);
                n += r;
                if (r == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw truncated(inf, n);
                }
            }
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new CodecException("zlib data invalid near input byte " + inf.getTotalIn() + ": " + e.getMessage(), e, n);
        } finally {
            inf.end();
        }
    }

    /** The output filled the cap: the stream must end without producing another byte. */
    private static void checkEndsAt(Inflater inf, int cap) throws DataFormatException, CodecException {
        byte[] probe = new byte[1];
        while (!inf.finished()) {
            if (inf.inflate(probe) > 0) {
                throw new CodecException("zlib data: output exceeds the limit of " + cap + " bytes", null, cap + 1L).overLimit();
            }
            if (inf.needsInput() || inf.needsDictionary()) {
                throw truncated(inf, cap);
            }
        }
    }

    private static CodecException truncated(Inflater inf, int produced) {
        return new CodecException("zlib data truncated or needs a preset dictionary: stream ends at input byte "
                + inf.getTotalIn() + " after " + produced + " output bytes", null, produced);
    }
}
