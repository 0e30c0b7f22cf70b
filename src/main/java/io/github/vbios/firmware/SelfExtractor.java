package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;

/**
 * Windows executables ({@code MZ}) that carry a 7-Zip or ZIP archive after their stub: 7z SFX
 * and zip SFX updaters (firmware.md 3). The archive is opened from its signature; the exe itself
 * still goes on to the raw scan, which carves anything stored uncompressed.
 */
final class SelfExtractor implements Container {
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    @Override
    public String kind() {
        return "sfx";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() > 0x40 && d.u16(0) == 0x5A4D;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        int seven = d.indexOf(Archives.SevenZ.MAGIC, 0x40);
        if (seven > 0) {
            walk.seen(blob, "7z", seven, d.length() - seven, null, "self-extracting");
            walk.explore(blob.child(d.from(seven), "sfx 7z@" + Hex.offset(seven)));
        }
        int zip = d.indexOf(ZIP, 0x40);
        if (zip > 0) {
            walk.seen(blob, "zip", zip, d.length() - zip, null, "self-extracting");
            walk.explore(blob.child(d.from(zip), "sfx zip@" + Hex.offset(zip)));
        }
        return false;
    }
}
