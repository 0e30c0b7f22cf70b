package io.github.vbios.codec;

import java.io.InputStream;

/**
 * An unsynchronized byte-array stream: xz-java's LZMA range decoder reads one byte per call, and
 * {@link java.io.ByteArrayInputStream#read()} is synchronized, which made it a third of the decode time.
 */
final class SliceInput extends InputStream {
    private final byte[] buf;
    private int pos;
    private final int end;

    SliceInput(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    @Override
    public int read() {
        return pos < end ? buf[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= end) {
            return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return end - pos;
    }
}
