package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutOfBoundsException;
import java.util.ArrayList;
import java.util.List;

/** Walks one firmware volume: header (firmware.md 2.5), then its FFS files or, for other file systems, a raw scan. */
final class FirmwareVolume {
    private FirmwareVolume() {
    }

    static void walk(Blob fv, Blob parent, long offsetInParent, Walk walk) {
        List<Finding> found = new ArrayList<>();
        VolumeHeader h;
        try {
            h = VolumeHeader.parse(fv.data(), found);
        } catch (OutOfBoundsException e) {
            walk.warn(parent, FirmwareCode.VOLUME_TRUNCATED,
                    offsetInParent, "volume header is truncated: " + e.getMessage());
            walk.carve(fv);
            return;
        }
        found.forEach(f -> walk.finding(fv, f));
        String kind = h.ffsV3() ? "FFSv3" : h.isFfs() ? "FFSv2" : "unknown file system";
        walk.seen(parent, "volume", offsetInParent, fv.data().length(), h.fvName(),
                kind + " " + h.fileSystem() + " rev " + h.revision());
        if (!walk.enter(fv)) {
            return;
        }
        ByteSlice body = fv.data().from(h.bodyOffset());
        if (h.isFfs()) {
            FfsWalker.walkBody(fv, h, walk);
        } else {
            // firmware.md 2.5: UEFITool stops at "unknown file system"; we still look inside.
            walk.finding(fv, Finding.info(FirmwareCode.VOLUME_NOT_FFS,
                    0x10, "file system " + h.fileSystem() + " is not FFS; scanning its body raw"));
            walk.explore(fv.child(body, "body"));
        }
    }
}
