package io.github.vbios.codec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a library decoder stream hands out, so a failure can say how much work it cost.
 * Reads are cut into chunks: xz-java decodes a whole request before returning, and a stream that
 * fails at its end would otherwise report nothing of the megabytes it produced.
 */
final class CountingInput extends FilterInputStream {
    private static final int CHUNK = 1 << 16;
    private long count;

    CountingInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, Math.min(len, CHUNK));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    long count() {
        return count;
    }
}
