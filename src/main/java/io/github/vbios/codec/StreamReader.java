package io.github.vbios.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Bounded draining of library decoder streams (xz-java, org.brotli:dec) into byte arrays. */
final class StreamReader {
    private StreamReader() {
    }

    /** Reads exactly {@code size} bytes and checks the stream ends there. */
    static byte[] readExactly(InputStream in, int size, String format) throws IOException, CodecException {
        byte[] out = new byte[size];
        int n = in.readNBytes(out, 0, size);
        if (n < size) {
            throw new CodecException(format + ": stream ended after " + n + " of the " + size
                    + " bytes its header declares", null, n);
        }
        if (in.read() >= 0) {
            throw new CodecException(format + ": stream holds more than the " + size + " bytes its header declares",
                    null, size + 1L);
        }
        return out;
    }

    /** Reads to the end of the stream; more than {@code cap} bytes is an error. */
    static byte[] readAll(InputStream in, int cap, String format) throws IOException, CodecException {
        byte[] out = new byte[Math.min(cap, 1 << 16)];
        int n = 0;
        while (true) {
            if (n == out.length) {
                if (n == cap) {
                    if (in.read() < 0) {
                        return out;
                    }
                    throw new CodecException(format + ": output exceeds the limit of " + cap + " bytes", null, cap + 1L).overLimit();
                }
                out = Arrays.copyOf(out, (int) Math.min(cap, (long) out.length * 2));
            }
            int r = in.read(out, n, out.length - n);
            if (r < 0) {
                return Arrays.copyOf(out, n);
            }
            n += r;
        }
    }
}
