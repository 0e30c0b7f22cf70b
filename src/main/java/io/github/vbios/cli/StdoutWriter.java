package io.github.vbios.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output as text (what picocli prints through) that can also take raw bytes, for
 * {@code -o -}: a romfile written to standard output must not pass through a character encoder.
 */
final class StdoutWriter extends PrintWriter {
    private final OutputStream raw;

    StdoutWriter(OutputStream raw) {
        super(new OutputStreamWriter(raw, Charset.defaultCharset()), true);
        this.raw = raw;
    }

    /** Writes {@code bytes} after whatever text is pending, in order. */
    void writeBytes(byte[] bytes) throws IOException {
        flush();
        raw.write(bytes);
        raw.flush();
        if (raw instanceof PrintStream ps && ps.checkError()) {
            throw new IOException("standard output: write error");
        }
    }

    /** {@code bytes} to the standard output {@code out} stands for ({@code System.out} if it is not one of these). */
    static void writeBytes(PrintWriter out, byte[] bytes) throws IOException {
        if (out instanceof StdoutWriter s) {
            s.writeBytes(bytes);
            return;
        }
        out.flush();
        System.out.write(bytes);
        System.out.flush();
        if (System.out.checkError()) {
            throw new IOException("standard output: write error");
        }
    }
}
