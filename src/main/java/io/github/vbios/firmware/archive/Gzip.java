package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** gzip ({@code 1F 8B 08}). */
public final class Gzip implements Container {
    @Override
    public String kind() {
        return "gzip";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 18 && d.u8(0) == 0x1F && d.u8(1) == 0x8B && d.u8(2) == 8;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        try (InputStream in = new GzipCompressorInputStream(blob.data().inputStream(), true)) {
            return Archives.exploreStream(blob, "gzip", in, walk);
        } catch (IOException | RuntimeException e) {
            return Archives.failed(blob, "gzip", e, walk);
        }
    }
}
