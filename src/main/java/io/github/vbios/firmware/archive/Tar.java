package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** POSIX/GNU tar ({@code ustar} at 257): Dell ThinOS packages and Linux firmware bundles. */
public final class Tar implements Container {
    @Override
    public String kind() {
        return "tar";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 512 && d.matchesAscii(257, "ustar");
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        try (TarArchiveInputStream tin = new TarArchiveInputStream(blob.data().inputStream())) {
            return Archives.exploreAll(blob, "tar", tin, walk);
        } catch (IOException | RuntimeException e) {
            return Archives.failed(blob, "tar", e, walk);
        }
    }
}
