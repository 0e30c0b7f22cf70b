package io.github.vbios.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading library streams (JDK gzip, Commons Compress entries) under an output cap. */
public final class Streams {
    private static final int CHUNK = 1 << 16;

    private Streams() {
    }

    /**
     * All bytes of {@code in}; empty when there are more than {@code cap} or the walk ended
     * meanwhile. Every byte read is charged to the walk as it arrives, so a stream that fails or
     * runs over the cap costs its budget too; an I/O error keeps what was charged.
     */
    public static Optional<byte[]> readCapped(InputStream in, int cap, Walk walk, Blob where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, CHUNK) + 1);
        byte[] buf = new byte[CHUNK];
        long total = 0;
        int n;
        // never ask for more than one byte past the cap: the budget is overrun by one byte at most
        while ((n = in.read(buf, 0, (int) Math.min(CHUNK, cap - total + 1))) > 0) {
            total += n;
            walk.decoded(n);
            if (total > cap || walk.exhausted(where)) {
                return Optional.empty();
            }
            out.write(buf, 0, n);
        }
        return Optional.of(out.toByteArray());
    }
}
