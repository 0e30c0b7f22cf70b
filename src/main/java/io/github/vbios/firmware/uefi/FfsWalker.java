package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutOfBoundsException;

/** Walks the file list of an FFS volume body (firmware.md 2.6) and hands each body on. */
final class FfsWalker {
    private FfsWalker() {
    }

    static void walkBody(Blob fv, VolumeHeader h, Walk walk) {
        ByteSlice d = fv.data();
        int empty = h.emptyByte();
        int off = h.bodyOffset();
        while (off < d.length() && !walk.exhausted(fv)) {
            off = h.bodyOffset() + VolumeHeader.align8(off - h.bodyOffset());
            if (!d.contains(off, FfsFile.HEADER)) {
                nonUefi(fv, Math.min(off, d.length()), empty, walk);
                return;
            }
            if (d.slice(off, FfsFile.HEADER).isFilledWith(empty)) {
                freeSpace(fv, off, empty, walk);
                return;
            }
            FfsFile f;
            try {
                f = FfsFile.read(d, off, h);
            } catch (OutOfBoundsException e) {
                nonUefi(fv, off, empty, walk);
                return;
            }
            if (f.size() == 0 || f.size() < f.headerSize() + f.tailSize()) {
                walk.warn(fv, FirmwareCode.FILE_SIZE_INVALID,
                        off, "file header parsing failed with invalid size " + f.size() + "; rest of volume scanned raw");
                nonUefi(fv, off, empty, walk);
                return;
            }
            if (!d.contains(off, f.size())) {
                walk.warn(fv, FirmwareCode.FILE_OVERLAPS_END,
                        off, "file " + f.name() + " of " + f.size() + " bytes overlaps the end of the volume");
                nonUefi(fv, off, empty, walk);
                return;
            }
            file(fv, off, f, h, walk);
            off += (int) f.size();
        }
    }

    private static void file(Blob fv, int off, FfsFile f, VolumeHeader h, Walk walk) {
        walk.seen(fv, "file", off, f.size(), f.name(), f.typeName());
        if (!f.headerChecksumOk()) {
            walk.finding(fv, Finding.info(FirmwareCode.FILE_HEADER_CHECKSUM_INVALID,
                    off + 0x10, "file " + f.name() + ": header checksum mismatch"));
        }
        if (!f.dataChecksumOk()) {
            walk.finding(fv, Finding.info(FirmwareCode.FILE_DATA_CHECKSUM_INVALID,
                    off + 0x11, "file " + f.name() + ": data checksum mismatch"));
        }
        ByteSlice body = fv.data().slice(off + f.headerSize(), f.size() - f.headerSize() - f.tailSize());
        Blob b = fv.child(body, "file " + f.name());
        switch (f.type()) {
            case FfsFile.TYPE_PAD -> {
                // firmware.md 2.6: UEFITool leaves non-empty pad files unparsed; we scan them.
                if (!body.isFilledWith(h.emptyByte())) {
                    walk.explore(b);
                }
            }
            case 0x00, FfsFile.TYPE_RAW -> walk.explore(b);
            default -> {
                if (walk.enter(b)) {
                    SectionWalker.walk(b, h.ffsV3(), walk);
                }
            }
        }
    }

    /** Free space: fine when empty; anything after it is non-UEFI data and scanned. */
    private static void freeSpace(Blob fv, int off, int empty, Walk walk) {
        ByteSlice d = fv.data();
        int p = d.skipWhile(off, empty);
        if (p < d.length()) {
            walk.finding(fv, Finding.info(FirmwareCode.NON_UEFI_DATA,
                    p, "non-UEFI data after free space at " + Hex.offset(off)));
            nonUefi(fv, p, empty, walk);
        }
    }

    private static void nonUefi(Blob fv, int off, int empty, Walk walk) {
        ByteSlice rest = fv.data().from(off);
        if (rest.isEmpty() || rest.isFilledWith(empty)) {
            return;
        }
        walk.seen(fv, "non-UEFI data", off, rest.length(), null, null);
        walk.explore(fv.child(rest, "non-UEFI data@" + Hex.offset(off)));
    }
}
