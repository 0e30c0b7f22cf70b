package io.github.vbios.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The set of files one {@link OutputFolder} (and its sub-folders) writes: staged in a hidden
 * folder {@code .NAME<digits>.part} beside the target (inside it when it exists already), then
 * moved into place. A target that does
 * not exist yet appears with one rename; into an existing folder ({@code --force}) each file is
 * renamed into place after the file it replaces was moved aside, so a failure half-way moves
 * every replaced file back. Files and folders are created with the modes the umask gives.
 */
final class OutputTransaction {
    static final String KEPT = "; no file of this run was kept, the folder is as it was before";
    private final Path root;
    private final boolean force;
    private final Inputs inputs;
    private final Runnable onExit = this::rollback;
    private Path staging;
    /** The first folder above the target that this run created (removed again on rollback). */
    private Path createdAbove;
    private boolean finished;
    /** Files go straight to their place, one atomic write each ({@link OutputFolder#open}). */
    private final boolean direct;

    OutputTransaction(Path root, boolean force, Inputs inputs) {
        this(root, force, inputs, false);
    }

    private OutputTransaction(Path root, boolean force, Inputs inputs, boolean direct) {
        this.root = root;
        this.force = force;
        this.inputs = inputs;
        this.direct = direct;
    }

    static OutputTransaction direct(Path root, boolean force) {
        return new OutputTransaction(root, force, Inputs.none(), true);
    }

    synchronized Path staging() throws IOException {
        if (direct) {
            return root;
        }
        if (finished) {
            throw new IllegalStateException("output folder " + root + " is already committed or dropped");
        }
        if (staging == null) {
            try {
                createdAbove = firstMissing(root.getParent());
                Files.createDirectories(root.getParent());
                // an existing folder stages inside itself: its parent may not be writable
                // (/var/lib/libvirt/vbios made for the user), the folder is
                Path anchor = Files.isDirectory(root) ? root.resolve("vbios-staging") : root;
                for (int attempt = 0; staging == null; attempt++) {
                    Path p = PartFiles.beside(anchor);
                    try {
                        staging = Files.createDirectory(p);
                    } catch (FileAlreadyExistsException e) {
                        if (attempt > 8) {
                            throw e;
                        }
                    }
                }
                PartFiles.onExit(onExit);
            } catch (IOException e) {
                rollback();
                throw AtomicWrite.failure(root, e, KEPT);
            }
        }
        return staging;
    }

    /** Stages {@code content} as {@code relative} (whose final place is {@code target}). */
    synchronized void write(Path relative, Path target, byte[] content) throws IOException {
        if (direct) {
            AtomicWrite.write(target, content, force, inputs, p -> { }, true);
            return;
        }
        AtomicWrite.checkTarget(target, target, true, inputs);
        if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw OutputRefusals.exists(target, false);
        }
        Path file = staging().resolve(relative.toString());
        try {
            Files.createDirectories(file.getParent());
            try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        } catch (IOException e) {
            rollback();
            throw AtomicWrite.failure(target, e, KEPT);
        }
    }

    synchronized void commit() throws IOException {
        if (finished || direct) {
            return;
        }
        Path from = staging();
        Deque<Runnable> undo = new ArrayDeque<>();
        List<Path> aside = new ArrayList<>();
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(from, root, StandardCopyOption.ATOMIC_MOVE);
                finish();
                return;
            }
            merge(from, root, undo, aside);
        } catch (IOException | RuntimeException e) {
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException again) {
                    // keep undoing the others; the first error is the one to report
                }
            }
            rollback();
            if (e instanceof UncheckedIOException u) {
                throw AtomicWrite.failure(root, u.getCause(), KEPT);
            }
            throw e instanceof IOException io ? AtomicWrite.failure(root, io, KEPT) : (RuntimeException) e;
        }
        aside.forEach(PartFiles::deleteTree);
        PartFiles.deleteTree(from);
        finish();
    }

    /** Moves each staged entry of {@code from} into {@code to}, recording how to undo it. */
    private void merge(Path from, Path to, Deque<Runnable> undo, List<Path> aside) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(from)) {
            entries = s.sorted().toList();
        }
        for (Path staged : entries) {
            Path target = to.resolve(staged.getFileName().toString());
            boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (Files.isDirectory(staged, LinkOption.NOFOLLOW_LINKS)) {
                if (exists && Files.isDirectory(target)) {
                    merge(staged, target, undo, aside);
                    continue;
                }
                if (exists) {
                    throw new VbiosException(VbiosException.Kind.USAGE, target + " exists and is not a folder");
                }
                place(staged, target);
                undo.push(() -> move(target, staged));
                continue;
            }
            AtomicWrite.checkTarget(target, target, true, inputs);
            if (exists) {
                Path old = PartFiles.beside(target);
                move(target, old);
                aside.add(old);
                undo.push(() -> move(old, target));
            }
            place(staged, target);
            undo.push(() -> move(target, staged));
        }
    }

    private void place(Path staged, Path target) {
        try {
            move(staged, target);
        } catch (UncheckedIOException e) {
            throw AtomicWrite.failure(target, e.getCause(), KEPT);
        }
    }

    private static void move(Path a, Path b) {
        try {
            try {
                Files.move(a, b, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(a, b, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the staged files (and a folder above the target that only this run created). */
    synchronized void rollback() {
        if (finished || direct) {
            return;
        }
        if (staging != null) {
            PartFiles.deleteTree(staging);
        }
        if (createdAbove != null) {
            deleteEmpty(createdAbove);
        }
        finish();
    }

    private void finish() {
        finished = true;
        PartFiles.done(onExit);
    }

    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    private static void deleteEmpty(Path top) {
        try (Stream<Path> s = Files.walk(top)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // not empty: not only ours
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
