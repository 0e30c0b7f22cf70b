package io.github.vbios.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder chosen by the user, written as one set: every file goes first into a hidden
 * staging folder ({@link OutputTransaction}), and {@link #commit} moves the set into
 * place at the end. A run that fails (disk full, bad input found late, a signal) leaves the
 * folder as it was, and creates nothing when it had nothing yet. Names cannot leave the folder
 * ({@link #resolve}), and no name may replace an input ({@link Inputs}).
 */
public final class OutputFolder implements AutoCloseable {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]+");

    private final Path root;
    private final OutputTransaction tx;
    private final Path relative;

    private OutputFolder(Path root, OutputTransaction tx, Path relative) {
        this.root = root;
        this.tx = tx;
        this.relative = relative;
    }

    /**
     * An output folder written file by file (each one atomically, no set semantics), created now:
     * for tests and callers that read the files back at once. Commands use {@link #begin}.
     */
    public static OutputFolder open(Path dir, boolean force) throws IOException {
        check(dir, force);
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw AtomicWrite.failure(dir, e);
        }
        return new OutputFolder(root, OutputTransaction.direct(root, force), Path.of(""));
    }

    /**
     * Checks an output folder and starts one set of files in it; nothing is created until
     * {@link #commit}. A folder that already
     * holds files is refused unless {@code force}, so a second run never mixes its output with an
     * older one silently; vbios's own work files left by a killed run ({@link PartFiles}) do not
     * count and are removed.
     */
    public static OutputFolder begin(Path dir, boolean force, Inputs inputs) throws IOException {
        check(dir, force);
        Path root = dir.toAbsolutePath().normalize();
        return new OutputFolder(root, new OutputTransaction(root, force, inputs), Path.of(""));
    }

    private static void check(Path dir, boolean force) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new VbiosException(VbiosException.Kind.USAGE, dir + " exists and is not a folder");
        }
        if (Files.isSymbolicLink(root) && !Files.exists(root)) {
            throw new VbiosException(VbiosException.Kind.USAGE, dir + " is a dangling symbolic link");
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new VbiosException(VbiosException.Kind.USAGE, "cannot create " + dir + ": " + p
                            + " is a file, not a folder");
                }
                break;
            }
        }
        if (Files.isDirectory(root)) {
            removeLeftovers(root);
            if (!force) {
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        throw OutputRefusals.exists(dir, true);
                    }
                }
            }
        }
    }

    private static void removeLeftovers(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            s.filter(PartFiles::isLeftover).forEach(PartFiles::deleteTree);
        }
    }

    /** Where the folder will be once committed (the paths to print and to put in configs). */
    public Path root() {
        return root;
    }

    /**
     * Where the files written so far are until {@link #commit}: read them back from here
     * (never from {@link #root}, which still holds the previous state).
     */
    public Path staged() throws IOException {
        return tx.staging().resolve(relative.toString());
    }

    /** A sub-folder of this one, written and committed with it. */
    public OutputFolder folder(String name) {
        Path p = resolve(name);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new VbiosException(VbiosException.Kind.USAGE, p + " exists and is not a folder");
        }
        return new OutputFolder(p, tx, relative.resolve(name));
    }

    /** A sanitised file name: anything but letters, digits and {@code ._+-} becomes {@code _}. */
    public static String sanitise(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        while (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /** The (final) path of {@code name} inside the folder; refuses names that are not plain file names. */
    public Path resolve(String name) {
        if (!SAFE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a safe file name: " + name);
        }
        Path p = root.resolve(name).normalize();
        if (!p.getParent().equals(root)) {
            throw new IllegalArgumentException("file name leaves the output folder: " + name);
        }
        return p;
    }

    /** Stages {@code name}; returns the path it will have once committed. */
    public Path write(String name, byte[] content) throws IOException {
        Path p = resolve(name);
        tx.write(relative.resolve(name), p, content);
        return p;
    }

    public Path writeString(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Moves everything written into place; on failure the folder is left as it was (exit 7). */
    public void commit() throws IOException {
        tx.commit();
    }

    /** Drops what was staged, unless committed. */
    @Override
    public void close() {
        tx.rollback();
    }
}
