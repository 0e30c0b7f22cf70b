package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutputFolder;

/**
 * Insyde iFlash images inside H2OFFT flasher packages (firmware.md 3): {@code $_IFLASH} + 8-byte
 * tag ({@code _BIOSIMG}, {@code _EC_IMG}, ...) + u32 TotalSize + u32 ImageSize, the image right
 * after the 0x18-byte header. The markers sit anywhere inside the flasher exe, or one after
 * another from the start of an extracted image.
 */
public final class InsydeIflash implements Container {
    private static final byte[] MAGIC = {'$', '_', 'I', 'F', 'L', 'A', 'S', 'H'};
    static final int HEADER = 0x18;

    @Override
    public String kind() {
        return "iflash";
    }

    /**
     * Magic bytes only (the {@link io.github.vbios.firmware.Container} contract): an iFlash header at
     * the start, or an executable (the H2OFFT flasher), whose markers {@link #open} searches.
     */
    @Override
    public boolean recognises(ByteSlice d) {
        return d.matches(0, MAGIC) || d.length() > 0x40 && d.u16(0) == 0x5A4D;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        boolean any = false;
        for (int p = d.indexOf(MAGIC, 0); p >= 0; p = d.indexOf(MAGIC, p + MAGIC.length)) {
            if (!d.contains(p, HEADER)) {
                break;
            }
            String tag = d.asciiz(p + 8, 8).strip();
            long size = d.u32(p + 0x14);
            if (size == 0 || size > d.length() - p - HEADER) {
                walk.finding(blob, Finding.info(FirmwareCode.IFLASH_IMAGE_INVALID,
                        p, "iFlash " + tag + " image size " + size + " does not fit; skipped"));
                continue;
            }
            walk.seen(blob, "iflash", p, HEADER + size, tag, null);
            walk.explore(blob.child(d.slice(p + HEADER, size), "iFlash " + OutputFolder.sanitise(tag) + "@" + Hex.offset(p)));
            any = true;
            p += (int) size;
        }
        return any;
    }

}
