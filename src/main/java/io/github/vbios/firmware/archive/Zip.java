package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/** ZIP (local header {@code PK 03 04}). */
public final class Zip implements Container {
    @Override
    public String kind() {
        return "zip";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 30 && d.u32(0) == 0x04034B50L;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        try (ZipArchiveInputStream zin = new ZipArchiveInputStream(blob.data().inputStream())) {
            return Archives.exploreAll(blob, "zip", zin, walk);
        } catch (UnsupportedZipFeatureException e) {
            boolean encrypted = e.getFeature()
                    == UnsupportedZipFeatureException.Feature.ENCRYPTION;
            walk.incomplete(blob, 0, Incomplete.UNOPENED, "zip archive " + (encrypted ? "is encrypted with a"
                    + " password vbios does not know" : "uses a feature vbios does not read") + " (" + e.getMessage()
                    + "); the rest of it was not searched: unpack it (7z x, package p7zip-full) and run"
                    + " vbios extract on what comes out");
            return false;
        } catch (IOException | RuntimeException e) {
            return Archives.failed(blob, "zip", e, walk);
        }
    }
}
