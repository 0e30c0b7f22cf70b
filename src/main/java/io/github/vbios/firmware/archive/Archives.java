package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Incomplete;
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
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Generic archive layers around firmware images (firmware.md 3, "Generic installers") through
 * Apache Commons Compress. Entry names only ever appear in provenance, sanitised; every entry is
 * read under the stream cap and counted against the total budget.
 */
public final class Archives {
    public static final int MAX_ENTRIES = 10_000;

    private Archives() {
    }

    static InputStream stream(ByteSlice d) {
        return d.inputStream();
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

    public static String entryName(String kind, String name) {
        return kind + ":" + OutputFolder.sanitise(name.length() > 200 ? name.substring(name.length() - 200) : name);
    }

    /** Records one archive member, reads it within the limits and walks what it holds. */
    private static void exploreEntry(Blob blob, String kind, ArchiveEntry e, InputStream in, Walk walk)
            throws IOException {
        walk.seen(blob, kind + " entry", -1, e.getSize(), e.getName(), null);
        Optional<byte[]> data = read(blob, kind + " entry " + e.getName(), in, blob.data().length(), walk);
        if (data.isPresent()) {
            walk.explore(blob.child(ByteSlice.of(data.get()), entryName(kind, e.getName())));
        }
    }

    /** Reads a single compressed stream (gzip, xz) within the limits and walks what it holds. */
    private static boolean exploreStream(Blob blob, String kind, InputStream in, Walk walk) throws IOException {
        Optional<byte[]> data = read(blob, kind + " stream", in, blob.data().length(), walk);
        if (data.isPresent()) {
            walk.seen(blob, kind, 0, blob.data().length(), null, null);
            walk.explore(blob.child(ByteSlice.of(data.get()), kind));
        }
        return true;
    }

    /** Walks every file member of a streamed archive (zip, tar), at most {@link #MAX_ENTRIES}. */
    private static boolean exploreAll(Blob blob, String kind, ArchiveInputStream<?> in, Walk walk) throws IOException {
        ArchiveEntry e;
        int n = 0;
        while (!walk.exhausted(blob) && (e = in.getNextEntry()) != null && n++ < MAX_ENTRIES) {
            if (!e.isDirectory()) {
                exploreEntry(blob, kind, e, in, walk);
            }
        }
        return true;
    }

    private static boolean failed(Blob blob, String kind, Exception e, Walk walk) {
        walk.finding(blob, Finding.warning(FirmwareCode.ARCHIVE_UNREADABLE,
                0, kind + " archive cannot be read: " + e.getMessage()));
        return false;
    }

    /** ZIP (local header {@code PK 03 04}). */
    public static final class Zip implements Container {
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
            try (ZipArchiveInputStream zin = new ZipArchiveInputStream(stream(blob.data()))) {
                return exploreAll(blob, "zip", zin, walk);
            } catch (UnsupportedZipFeatureException e) {
                boolean encrypted = e.getFeature()
                        == UnsupportedZipFeatureException.Feature.ENCRYPTION;
                walk.incomplete(blob, 0, Incomplete.UNOPENED, "zip archive " + (encrypted ? "is encrypted with a"
                        + " password vbios does not know" : "uses a feature vbios does not read") + " (" + e.getMessage()
                        + "); the rest of it was not searched: unpack it (7z x, package p7zip-full) and run"
                        + " vbios extract on what comes out");
                return false;
            } catch (IOException | RuntimeException e) {
                return failed(blob, "zip", e, walk);
            }
        }
    }

    /** 7-Zip ({@code 37 7A BC AF 27 1C}). */
    public static final class SevenZ implements Container {
        public static final byte[] MAGIC = {0x37, 0x7A, (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
        /**
         * The password of Insyde iFdPacker SFX archives (firmware.md 3: published with BIOSUtilities'
         * insyde_ifd_extract). Archives without encryption ignore it; others fail with a finding.
         */
        public static final String INSYDE_PASSWORD = "Y`t~i!L@i#t$U%h^s7A*l(f)E-d=y+S_n?i";

        @Override
        public String kind() {
            return "7z";
        }

        @Override
        public boolean recognises(ByteSlice d) {
            return d.matches(0, MAGIC);
        }

        @Override
        public boolean open(Blob blob, Walk walk) {
            int memKb = (int) Math.min(Integer.MAX_VALUE, walk.limits().maxStream() / 1024L + 1);
            try (SevenZFile z = SevenZFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(blob.data().toArray()))
                    .setPassword(INSYDE_PASSWORD)
                    .setMaxMemoryLimitKb(memKb).get()) {
                SevenZArchiveEntry e;
                int n = 0;
                while (!walk.exhausted(blob) && (e = z.getNextEntry()) != null && n++ < MAX_ENTRIES) {
                    if (e.isDirectory() || !e.hasStream()) {
                        continue;
                    }
                    try {
                        exploreEntry(blob, "7z", e, z.getInputStream(e), walk);
                    } catch (IOException | RuntimeException ex) {
                        if (!aes(e)) {
                            throw ex;
                        }
                        return encrypted(blob, walk, "entry " + e.getName() + " is encrypted");
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                if (encryptedHeader(blob.data())) {
                    return encrypted(blob, walk, "its headers are encrypted");
                }
                return failed(blob, "7z", e, walk);
            }
        }

        /** 7z coder ID of AES-256 + SHA-256 (7-Zip's Methods.txt: 06 F1 07 01). */
        private static final byte[] AES_CODER = {0x06, (byte) 0xF1, 0x07, 0x01};

        private static boolean aes(SevenZArchiveEntry e) {
            try {
                for (var m : e.getContentMethods()) {
                    if (m.getMethod() == SevenZMethod.AES256SHA256) {
                        return true;
                    }
                }
            } catch (RuntimeException ignored) {
                // no method list: not known to be encrypted
            }
            return false;
        }

        /**
         * True when the next header (signature header: u64 offset at 0x0C, u64 size at 0x14, from
         * 0x20) is an encoded header (0x17) whose coders, stored in plain, include AES: the file
         * list itself is encrypted ({@code 7z -mhe=on}).
         */
        static boolean encryptedHeader(ByteSlice d) {
            if (!d.contains(0, 0x20)) {
                return false;
            }
            long off = 0x20 + d.u64(0x0C);
            long size = d.u64(0x14);
            if (off < 0x20 || size <= 0 || size > 4096 || !d.contains(off, size)) {
                return false;
            }
            ByteSlice h = d.slice(off, size);
            return h.u8(0) == 0x17 && h.indexOf(AES_CODER, 0) >= 0;
        }

        private static boolean encrypted(Blob blob, Walk walk, String why) {
            walk.incomplete(blob, 0, Incomplete.UNOPENED, "7z archive is encrypted (" + why + ") with a password"
                    + " vbios does not know; its contents were not searched: unpack it with its password (7z x,"
                    + " package p7zip-full) and run vbios extract on what comes out");
            return false;
        }
    }

    /** gzip ({@code 1F 8B 08}). */
    public static final class Gzip implements Container {
        @Override
        public String kind() {
            return "gzip";
        }

        @Override
        public boolean recognises(ByteSlice d) {
            return d.length() >= 18 && d.u8(0) == 0x1F && d.u8(1) == 0x8B && d.u8(2) == 8;
        }

        @Override
        public boolean open(Blob blob, Walk walk) {
            try (InputStream in = new GzipCompressorInputStream(stream(blob.data()), true)) {
                return exploreStream(blob, "gzip", in, walk);
            } catch (IOException | RuntimeException e) {
                return failed(blob, "gzip", e, walk);
            }
        }
    }

    /** xz ({@code FD 37 7A 58 5A 00}). */
    public static final class Xz implements Container {
        public static final byte[] MAGIC = {(byte) 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00};

        @Override
        public String kind() {
            return "xz";
        }

        @Override
        public boolean recognises(ByteSlice d) {
            return d.matches(0, MAGIC);
        }

        @Override
        public boolean open(Blob blob, Walk walk) {
            int memKb = (int) Math.min(Integer.MAX_VALUE, walk.limits().maxStream() / 1024L + 1);
            try (InputStream in = new XZCompressorInputStream(stream(blob.data()), true, memKb)) {
                return exploreStream(blob, "xz", in, walk);
            } catch (IOException | RuntimeException e) {
                return failed(blob, "xz", e, walk);
            }
        }
    }

    /** POSIX/GNU tar ({@code ustar} at 257): Dell ThinOS packages and Linux firmware bundles. */
    public static final class Tar implements Container {
        @Override
        public String kind() {
            return "tar";
        }

        @Override
        public boolean recognises(ByteSlice d) {
            return d.length() >= 512 && d.matchesAscii(257, "ustar");
        }

        @Override
        public boolean open(Blob blob, Walk walk) {
            try (TarArchiveInputStream tin = new TarArchiveInputStream(stream(blob.data()))) {
                return exploreAll(blob, "tar", tin, walk);
            } catch (IOException | RuntimeException e) {
                return failed(blob, "tar", e, walk);
            }
        }
    }

    /**
     * Dell ThinOS packages (firmware.md 3): a 0x30-byte section header starting with
     * {@code 72 13 55 00} (raw) or {@code 73 13 55 00} (LVFS cabinet), u32 length at 0x10, then
     * an xz stream (a tar of cabinets and PFS images).
     */
    public static final class DellThinOsPkg implements Container {
        private static final int HEADER = 0x30;

        @Override
        public String kind() {
            return "dell-pkg";
        }

        @Override
        public boolean recognises(ByteSlice d) {
            return d.length() > HEADER && (d.u8(0) == 0x72 || d.u8(0) == 0x73) && d.u8(1) == 0x13 && d.u8(2) == 0x55
                    && d.u8(3) == 0 && d.matches(HEADER, Xz.MAGIC);
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
}
