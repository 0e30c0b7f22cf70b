package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** xz ({@code FD 37 7A 58 5A 00}). */
public final class Xz implements Container {
    private static final byte[] MAGIC = {(byte) 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00};

    /** The stream header's magic (a copy): vendor headers in front of an xz stream are checked for it. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    @Override
    public String kind() {
        return "xz";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.matches(0, MAGIC);
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        int memKb = Archives.memoryLimitKb(walk);
        try (InputStream in = new XZCompressorInputStream(blob.data().inputStream(), true, memKb)) {
            return Archives.exploreStream(blob, "xz", in, walk);
        } catch (IOException | RuntimeException e) {
            return Archives.failed(blob, "xz", e, walk);
        }
    }
}
