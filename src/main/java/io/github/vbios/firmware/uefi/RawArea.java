package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;

/**
 * UEFITool's raw-area scan (firmware.md 2.4): find firmware volumes by their {@code _FVH}
 * signature; everything between them is padding. Unlike UEFITool, padding that is not empty is
 * carved for option ROMs and loose LZMA streams (this is where ROMs outside volumes hide).
 */
public final class RawArea {
    private static final byte[] FVH = {'_', 'F', 'V', 'H'};

    private RawArea() {
    }

    public static void scan(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        int gapStart = 0;
        int search = 0x28;
        while (search <= d.length() - 4) {
            int hit = d.indexOf(FVH, search);
            if (hit < 0) {
                break;
            }
            int start = hit - 0x28;
            long length = VolumeHeader.candidateLength(d, start);
            if (length < 0) {
                search = hit + 1;
                continue;
            }
            if (start + length > d.length()) {
                walk.warn(blob, FirmwareCode.VOLUME_OVERLAPS_END,
                        start, "volume of " + length + " bytes overlaps the end of the data ("
                        + (d.length() - start) + " bytes left); walking what is there");
                length = (long) d.length() - start;
            }
            gap(blob, gapStart, start, walk);
            FirmwareVolume.walk(blob.child(d.slice(start, length), "FV@" + Hex.offset(start)), blob, start, walk);
            gapStart = (int) (start + length);
            search = gapStart + 0x28;
        }
        gap(blob, gapStart, d.length(), walk);
    }

    /** Non-empty bytes outside any volume: recorded and carved. */
    private static void gap(Blob blob, int from, int to, Walk walk) {
        if (to <= from) {
            return;
        }
        ByteSlice g = blob.data().slice(from, to - from);
        if (g.isFilledWith(0xFF) || g.isFilledWith(0x00)) {
            return;
        }
        if (from == 0 && to == blob.data().length()) {
            walk.carve(blob);
            LzmaCarver.scan(blob, walk);
            return;
        }
        walk.seen(blob, "padding", from, to - from, null, "non-empty");
        Blob padding = blob.child(g, "padding@" + Hex.offset(from));
        walk.carve(padding);
        LzmaCarver.scan(padding, walk);
    }
}
