package io.github.vbios.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading library streams (JDK gzip, Commons Compress entries) under an output cap. */
final class Streams {
    private Streams() {
    }

    /** All bytes of {@code in}, or null when there are more than {@code cap}. */
    static byte[] readCapped(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 1 << 16) + 1);
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > cap) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
