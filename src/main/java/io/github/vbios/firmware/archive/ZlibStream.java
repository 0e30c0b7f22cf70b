package io.github.vbios.firmware.archive;

import io.github.vbios.codec.CodecException;
import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Codecs;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;

/**
 * A blob that is one zlib stream (RFC 1950 header: CM 8, (CMF*256+FLG) % 31 == 0). VBiosFinder
 * guessed these with a regex that matched at any line start (firmware.md 4.1); here only at
 * offset 0 and only when the stream really inflates.
 */
public final class ZlibStream implements Container {
    @Override
    public String kind() {
        return "zlib";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 8 && d.u8(0) == 0x78 && ((d.u8(0) << 8) | d.u8(1)) % 31 == 0;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        if (!walk.budgetLeft(blob)) {
            return false;
        }
        try {
            byte[] out = Codecs.zlib(blob.data(), walk.streamCap(blob.data().length()));
            walk.decoded(out.length);
            walk.seen(blob, "zlib", 0, blob.data().length(), null, null);
            walk.explore(blob.child(ByteSlice.of(out), "zlib"));
            return true;
        } catch (CodecException e) {
            walk.decoded(e.produced()); // work done even when it was not zlib after all
            return false; // the raw scan looks at it
        }
    }
}
