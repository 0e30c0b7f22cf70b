package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Streams;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutputFolder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;

/**
 * What the Apache Commons Compress formats of this package ({@link Zip}, {@link SevenZ},
 * {@link Gzip}, {@link Xz}, {@link Tar}; firmware.md 3, "Generic installers") share. Entry names
 * only ever appear in provenance, sanitised; every entry is read under the stream cap and counted
 * against the total budget.
 */
public final class Archives {
    public static final int MAX_ENTRIES = 10_000;

    private Archives() {
    }

    /** Reads one entry or stream under the limits; empty (with a finding) when a limit is hit. */
    static Optional<byte[]> read(Blob blob, String what, InputStream in, long compressedHint, Walk walk) throws IOException {
        if (!walk.budgetLeft(blob)) {
            return Optional.empty();
        }
        int cap = walk.streamCap(Math.max(1, compressedHint));
        Optional<byte[]> out = Streams.readCapped(in, cap, walk, blob);
        if (out.isEmpty() && !walk.exhausted(blob)) {
            walk.refused(blob, -1, Math.max(1, compressedHint), what + " decodes to more than " + cap
                    + " bytes (per-stream or ratio cap); skipped");
        }
        return out;
    }

    /**
     * The decoder's own memory limit (xz dictionaries, 7z folders) in KiB: one stream's cap, so a
     * header that asks for more fails before it allocates.
     */
    static int memoryLimitKb(Walk walk) {
        return (int) Math.min(Integer.MAX_VALUE, walk.limits().maxStream() / 1024L + 1);
    }

    public static String entryName(String kind, String name) {
        return kind + ":" + OutputFolder.sanitise(name.length() > 200 ? name.substring(name.length() - 200) : name);
    }

    /** Records one archive member, reads it within the limits and walks what it holds. */
    static void exploreEntry(Blob blob, String kind, ArchiveEntry e, InputStream in, Walk walk)
            throws IOException {
        walk.seen(blob, kind + " entry", -1, e.getSize(), e.getName(), null);
        Optional<byte[]> data = read(blob, kind + " entry " + e.getName(), in, blob.data().length(), walk);
        if (data.isPresent()) {
            walk.explore(blob.child(ByteSlice.of(data.get()), entryName(kind, e.getName())));
        }
    }

    /** Reads a single compressed stream (gzip, xz) within the limits and walks what it holds. */
    static boolean exploreStream(Blob blob, String kind, InputStream in, Walk walk) throws IOException {
        Optional<byte[]> data = read(blob, kind + " stream", in, blob.data().length(), walk);
        if (data.isPresent()) {
            walk.seen(blob, kind, 0, blob.data().length(), null, null);
            walk.explore(blob.child(ByteSlice.of(data.get()), kind));
        }
        return true;
    }

    /** Walks every file member of a streamed archive (zip, tar), at most {@link #MAX_ENTRIES}. */
    static boolean exploreAll(Blob blob, String kind, ArchiveInputStream<?> in, Walk walk) throws IOException {
        ArchiveEntry e;
        int n = 0;
        while (!walk.exhausted(blob) && (e = in.getNextEntry()) != null && n++ < MAX_ENTRIES) {
            if (!e.isDirectory()) {
                exploreEntry(blob, kind, e, in, walk);
            }
        }
        return true;
    }

    static boolean failed(Blob blob, String kind, Exception e, Walk walk) {
        walk.finding(blob, Finding.warning(FirmwareCode.ARCHIVE_UNREADABLE,
                0, kind + " archive cannot be read: " + e.getMessage()));
        return false;
    }
}
