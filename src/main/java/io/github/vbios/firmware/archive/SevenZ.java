package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** 7-Zip ({@code 37 7A BC AF 27 1C}). */
public final class SevenZ implements Container {
    private static final byte[] MAGIC = {0x37, 0x7A, (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    /**
     * The password of Insyde iFdPacker SFX archives (firmware.md 3: published with BIOSUtilities'
     * insyde_ifd_extract). Archives without encryption ignore it; others fail with a finding.
     */
    public static final String INSYDE_PASSWORD = "Y`t~i!L@i#t$U%h^s7A*l(f)E-d=y+S_n?i";

    /** The signature (a copy): SFX executables are searched for it. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

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
        int memKb = Archives.memoryLimitKb(walk);
        try (SevenZFile z = SevenZFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(blob.data().toArray()))
                .setPassword(INSYDE_PASSWORD)
                .setMaxMemoryLimitKb(memKb).get()) {
            SevenZArchiveEntry e;
            int n = 0;
            while (!walk.exhausted(blob) && (e = z.getNextEntry()) != null && n++ < Archives.MAX_ENTRIES) {
                if (e.isDirectory() || !e.hasStream()) {
                    continue;
                }
                try {
                    Archives.exploreEntry(blob, "7z", e, z.getInputStream(e), walk);
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
            return Archives.failed(blob, "7z", e, walk);
        }
    }

    /** 7z coder ID of AES-256 + SHA-256 (7-Zip's Methods.txt: 06 F1 07 01). */
    private static final byte[] AES_CODER = {0x06, (byte) 0xF1, 0x07, 0x01};

    private static boolean aes(SevenZArchiveEntry e) {
        var methods = e.getContentMethods();
        if (methods == null) {
            return false; // an entry without a stream (a folder, an empty file) has no coders
        }
        for (var m : methods) {
            if (m.getMethod() == SevenZMethod.AES256SHA256) {
                return true;
            }
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
