package io.github.vbios.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one way vbios writes a file: into a hidden work file beside the target ({@link PartFiles}),
 * then renamed over it. A reader never sees a half-written file and a failure leaves nothing
 * behind. The work file is created like any new file, so the result has the mode the umask gives
 * (0644 under 022): QEMU and libvirt read the outputs as other users. Only a regular file is ever
 * replaced: a device node, FIFO, folder or symbolic link at the target is refused, never renamed
 * over; an input is never replaced, even with {@code --force} ({@link Inputs}).
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
        write(target, content, force, Inputs.none(), p -> { });
    }

    public static void write(Path target, byte[] content, boolean force, Check check) throws IOException {
        write(target, content, force, Inputs.none(), check);
    }

    /**
     * Writes {@code content} to {@code target}. Refuses an existing target unless {@code force},
     * any target that is not a regular file, and any input; runs {@code check} on the temporary
     * file and deletes it if the check throws. A failing write (disk full) is exit 7, naming the file.
     */
    public static void write(Path target, byte[] content, boolean force, Inputs inputs, Check check)
            throws IOException {
        write(target, content, force, inputs, check, false);
    }

    /**
     * {@code createFolders}: make missing folders above the target. Only inside an output folder
     * the user named ({@link OutputFolder#open}); a single-file output in a folder that does not
     * exist is refused (exit 2), as a mistyped path is more likely than a wish for a new folder.
     */
    static void write(Path target, byte[] content, boolean force, Inputs inputs, Check check, boolean createFolders)
            throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        checkTarget(target, absolute, force, inputs);
        if (!createFolders && !Files.isDirectory(absolute.getParent())) {
            throw OutputRefusals.noFolder(target, parentAsWritten(target, absolute));
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw failure(target, e);
        }
        Path tmp = create(target, absolute);
        Runnable cleanup = () -> PartFiles.deleteTree(tmp);
        PartFiles.onExit(cleanup);
        boolean moved = false;
        try {
            fill(target, tmp, content);
            check.verify(tmp);
            checkTarget(target, absolute, force, inputs);
            try {
                try {
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
            moved = true;
        } finally {
            if (!moved) {
                PartFiles.deleteTree(tmp);
            }
            PartFiles.done(cleanup);
        }
    }

    /** The folder of {@code target} as the user wrote it, or the absolute one for a bare name. */
    private static Path parentAsWritten(Path target, Path absolute) {
        Path parent = target.getParent();
        return parent != null ? parent : absolute.getParent();
    }

    public static void writeString(Path target, String content, boolean force) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), force);
    }

    /**
     * True for the names that mean "standard output" where one file is written: {@code -} and
     * {@code /dev/stdout} (also {@code /dev/fd/1}, {@code /proc/self/fd/1}). Compared as written,
     * never followed: renaming over {@code /dev/stdout} would replace the link.
     */
    public static boolean isStdout(Path p) {
        String s = p.toString();
        return s.equals("-") || s.equals("/dev/stdout") || s.equals("/dev/fd/1") || s.equals("/proc/self/fd/1");
    }

    /**
     * Checks, before any work, that {@code target} may be written (see {@link #write}): exit 2 for an
     * input, a non-regular file, an existing file without {@code force}, a file where a folder must be,
     * a folder that does not exist.
     */
    public static void check(Path target, boolean force, Inputs inputs) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        checkTarget(target, absolute, force, inputs);
        if (!Files.isDirectory(absolute.getParent())) {
            throw OutputRefusals.noFolder(target, parentAsWritten(target, absolute));
        }
    }

    /**
     * What may be written at {@code target}: nothing that is an input, nothing but a regular file
     * (links not followed), an existing one only with {@code force}, and only below folders.
     */
    static void checkTarget(Path target, Path absolute, boolean force, Inputs inputs) throws IOException {
        inputs.refuse(target);
        Optional<BasicFileAttributes> existing = attributes(absolute);
        if (existing.isPresent()) {
            BasicFileAttributes a = existing.get();
            if (a.isSymbolicLink()) {
                throw new VbiosException(VbiosException.Kind.USAGE, target + " is a symbolic link; vbios replaces "
                        + "only regular files: write to the file it points to, or remove the link");
            }
            if (a.isDirectory()) {
                throw new VbiosException(VbiosException.Kind.USAGE, target + " is a folder; name a file to write");
            }
            if (!a.isRegularFile()) {
                throw new VbiosException(VbiosException.Kind.USAGE, target + " is "
                        + FileKinds.describe(absolute, LinkOption.NOFOLLOW_LINKS) + ", not a regular file; vbios "
                        + "replaces only regular files (use -o - to write to standard output)");
            }
            if (!force) {
                throw OutputRefusals.exists(target, false);
            }
        }
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (attributes(p).isEmpty()) {
                continue;
            }
            if (!Files.isDirectory(p)) {
                throw new VbiosException(VbiosException.Kind.USAGE, "cannot write " + target + ": " + p
                        + " is " + FileKinds.describe(p) + ", not a folder");
            }
            break;
        }
    }

    /** The entry's own attributes (links not followed); empty when there is none or it cannot be read. */
    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A new empty work file, created with the default mode (0666 less the umask). */
    private static Path create(Path target, Path absolute) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = PartFiles.beside(absolute);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw failure(target, e);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    private static void fill(Path target, Path tmp, byte[] content) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * The error for a write that failed: permission (exit 5) or any other I/O error (exit 7), with
     * the file and the system's reason ("No space left on device").
     */
    static VbiosException failure(Path target, IOException e) {
        return failure(target, e, "; nothing was written there");
    }

    static VbiosException failure(Path target, IOException e, String after) {
        if (e instanceof AccessDeniedException) {
            return new VbiosException(VbiosException.Kind.PERMISSION, "cannot write " + target
                    + ": permission denied" + after, e);
        }
        return new VbiosException(VbiosException.Kind.OUTPUT_IO, "cannot write " + target + ": " + reason(e) + after, e);
    }

    /**
     * The system's reason. A {@link FileSystemException} without one has only file names as its
     * message, and those may be the hidden work file, which the user never named.
     */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            return "I/O error";
        }
        return e.getMessage();
    }
}
