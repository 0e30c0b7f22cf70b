package io.github.vbios.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way vbios writes a file: into a temporary file in the target's folder, then renamed
 * over the target. A reader never sees a half-written file and a failure leaves nothing behind.
 */
public final class AtomicWrite {
    private AtomicWrite() {
    }

    /** A validation step run on the temporary file before it is moved into place. */
    @FunctionalInterface
    public interface Check {
        void verify(Path written) throws IOException;
    }

    public static void write(Path target, byte[] content, boolean force) throws IOException {
        write(target, content, force, p -> { });
    }

    /**
     * Writes {@code content} to {@code target}. Refuses an existing target unless {@code force};
     * runs {@code check} on the temporary file and deletes it if the check throws.
     */
    public static void write(Path target, byte[] content, boolean force, Check check) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!force && Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "output exists; pass --force to overwrite it");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        boolean moved = false;
        try {
            Files.write(tmp, content);
            check.verify(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static void writeString(Path target, String content, boolean force) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), force);
    }
}
