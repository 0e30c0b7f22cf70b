package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutputFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Microsoft cabinets ({@code MSCF}, [MS-CAB]): firmware updates from the LVFS (fwupd) and the
 * Microsoft Update Catalog, Dell ThinOS packages. CFHEADER (0x24 bytes, optional reserve and
 * previous/next cabinet names), CFFOLDER records {u32 coffCabStart, u16 cCFData, u16 typeCompress},
 * CFFILE records {u32 cbFile, u32 uoffFolderStart, u16 iFolder, date, time, attribs, name}, and
 * per folder its CFDATA blocks {u32 csum, u16 cbData, u16 cbUncomp, data}. Stored and MSZIP
 * folders are decoded (MSZIP: each block is "CK" + a raw deflate stream whose window carries over
 * from the previous block); Quantum and LZX folders are named in a finding.
 */
public final class Cabinet implements Container {
    private static final int HEADER = 0x24;
    private static final int FLAG_PREV = 1;
    private static final int FLAG_NEXT = 2;
    private static final int FLAG_RESERVE = 4;
    private static final int WINDOW = 32 * 1024;
    private static final int MAX_FILES = 65535;

    /** A folder's place in the cabinet and its codec. */
    private record Folder(long dataStart, int blocks, int type) {
    }

    @Override
    public String kind() {
        return "cab";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return looksLikeCab(d, 0);
    }

    /** "MSCF", reserved 0, version 1.3 and at least one folder (the total size may be cut short). */
    public static boolean looksLikeCab(ByteSlice d, int at) {
        return d.matchesAscii(at, "MSCF") && d.contains(at, HEADER) && d.u32(at + 4) == 0
                && d.u8(at + 0x19) == 1 && d.u8(at + 0x18) == 3 && d.u16(at + 0x1A) > 0;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        long declared = blob.data().u32(8);
        ByteSlice cab = blob.data().clamp(0, declared);
        if (cab.length() < declared) {
            walk.finding(blob, Finding.warning(FirmwareCode.CAB_TRUNCATED,
                    8, "cabinet is cut short: " + cab.length() + " of " + declared
                    + " bytes present; files past the end are missing"));
        }
        int flags = cab.u16(0x1E);
        int folders = cab.u16(0x1A);
        int files = cab.u16(0x1C);
        int off = HEADER;
        int folderReserve = 0;
        int dataReserve = 0;
        if ((flags & FLAG_RESERVE) != 0) {
            int headerReserve = cab.u16(off);
            folderReserve = cab.u8(off + 2);
            dataReserve = cab.u8(off + 3);
            off += 4 + headerReserve;
        }
        for (int f : new int[] {FLAG_PREV, FLAG_NEXT}) {
            if ((flags & f) != 0) {
                off = skipString(cab, skipString(cab, off));
            }
        }
        List<Folder> list = new ArrayList<>();
        for (int i = 0; i < folders; i++, off += 8 + folderReserve) {
            list.add(new Folder(cab.u32(off), cab.u16(off + 4), cab.u16(off + 6)));
        }
        walk.seen(blob, "cab", 0, cab.length(), null, folders + " folders, " + files + " files");
        byte[][] decoded = new byte[folders][];
        int at = (int) cab.u32(0x10);
        for (int i = 0; i < files && i < MAX_FILES; i++) {
            long size = cab.u32(at);
            long start = cab.u32(at + 4);
            int folder = cab.u16(at + 8);
            String name = cab.asciiz(at + 0x10, 256);
            at += 0x10 + name.length() + 1;
            if (folder >= folders) {
                walk.finding(blob, Finding.info(FirmwareCode.CAB_FILE_SPANNED,
                        at, "cab file " + name + " continues in another cabinet; skipped"));
                continue;
            }
            if (decoded[folder] == null) {
                decoded[folder] = folder(blob, walk, cab, list.get(folder), dataReserve).orElseGet(() -> new byte[0]);
            }
            ByteSlice data = ByteSlice.of(decoded[folder]);
            if (!data.contains(start, size)) {
                if (data.length() > 0) {
                    walk.finding(blob, Finding.warning(FirmwareCode.CAB_FILE_OUTSIDE,
                            at, "cab file " + name + " lies outside its folder's data"));
                }
                continue;
            }
            walk.explore(blob.child(data.slice(start, size), "cab:" + OutputFolder.sanitise(name)));
        }
        return true;
    }

    private static int skipString(ByteSlice d, int off) {
        return off + d.asciiz(off, 256).length() + 1;
    }

    /** The folder's uncompressed bytes; empty (with a finding) when they cannot be had. */
    private static Optional<byte[]> folder(Blob blob, Walk walk, ByteSlice cab, Folder f, int dataReserve) {
        int type = f.type() & 0x0F;
        if (type != 0 && type != 1) {
            String name = type == 2 ? "Quantum" : type == 3 ? "LZX" : "type " + type;
            walk.incomplete(blob, f.dataStart(), Incomplete.UNOPENED, "cab folder compressed with " + name
                    + " is not decoded by vbios; its files are not searched (cabextract, Debian package cabextract,"
                    + " unpacks it)");
            return Optional.empty();
        }
        if (!walk.budgetLeft(blob)) {
            return Optional.empty();
        }
        long total = 0;
        int off = (int) f.dataStart();
        for (int i = 0; i < f.blocks(); i++) {
            total += cab.u16(off + 6);
            off += 8 + dataReserve + cab.u16(off + 4);
        }
        if (total > walk.streamCap(cab.length())) {
            walk.refused(blob, f.dataStart(), cab.length(), "cab folder of " + total
                    + " bytes is over the output limit; not decoded");
            return Optional.empty();
        }
        byte[] out = new byte[(int) total];
        int o = 0;
        off = (int) f.dataStart();
        for (int i = 0; i < f.blocks(); i++) {
            int packed = cab.u16(off + 4);
            int plain = cab.u16(off + 6);
            ByteSlice data = cab.slice(off + 8 + dataReserve, packed);
            off += 8 + dataReserve + packed;
            if (type == 0) {
                data.slice(0, Math.min(plain, packed)).copyTo(out, o);
            } else if (!mszip(data, out, o, plain)) {
                walk.finding(blob, Finding.warning(FirmwareCode.CAB_BLOCK_INVALID,
                        off, "cab MSZIP block " + (i + 1) + " of " + f.blocks()
                        + " does not inflate to " + plain + " bytes; the folder is cut there"));
                walk.decoded(o);
                return Optional.of(Arrays.copyOf(out, o));
            }
            o += plain;
        }
        walk.decoded(out.length);
        return Optional.of(out);
    }

    /** One MSZIP block: "CK" + raw deflate, primed with the last 32 KiB of the folder so far. */
    private static boolean mszip(ByteSlice block, byte[] out, int o, int plain) {
        if (block.length() < 2 || block.u8(0) != 'C' || block.u8(1) != 'K') {
            return false;
        }
        Inflater inf = new Inflater(true);
        try {
            if (o > 0) {
                int w = Math.min(WINDOW, o);
                inf.setDictionary(out, o - w, w);
            }
            inf.setInput(block.from(2).buffer());
            int n = 0;
            while (n < plain && !inf.finished()) {
                int got = inf.inflate(out, o + n, plain - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += got;
            }
            return n == plain;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inf.end();
        }
    }
}
