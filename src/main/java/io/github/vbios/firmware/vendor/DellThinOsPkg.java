package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.archive.Xz;
import io.github.vbios.io.ByteSlice;

/**
 * Dell ThinOS packages (firmware.md 3): a 0x30-byte section header starting with
 * {@code 72 13 55 00} (raw) or {@code 73 13 55 00} (LVFS cabinet), u32 length at 0x10, then
 * an xz stream (a tar of cabinets and PFS images).
 */
public final class DellThinOsPkg implements Container {
    private static final int HEADER = 0x30;

    @Override
    public String kind() {
        return "dell-pkg";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() > HEADER && (d.u8(0) == 0x72 || d.u8(0) == 0x73) && d.u8(1) == 0x13 && d.u8(2) == 0x55
                && d.u8(3) == 0 && d.matches(HEADER, Xz.magic());
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        ByteSlice xz = d.clamp(HEADER, d.u32(0x10));
        walk.seen(blob, "dell-pkg", 0, HEADER + xz.length(), null, null);
        walk.explore(blob.child(xz, "ThinOS PKG"));
        return true;
    }
}
