package io.github.vbios.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder chosen by the user. Every file vbios writes into it goes through
 * {@link #resolve(String)}, which refuses names that would leave the folder, and through
 * {@link AtomicWrite}.
 */
public final class OutputFolder {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._+-]+");

    private final Path root;
    private final boolean force;

    private OutputFolder(Path root, boolean force) {
        this.root = root;
        this.force = force;
    }

    /**
     * Opens (creating if needed) an output folder. A folder that already holds files is refused
     * unless {@code force}, so a second run never mixes its output with an older one silently.
     */
    public static OutputFolder open(Path dir, boolean force) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new VbiosException(VbiosException.Kind.USAGE, dir + " exists and is not a folder");
        }
        if (Files.isDirectory(root) && !force) {
            try (Stream<Path> s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new VbiosException(VbiosException.Kind.USAGE,
                            dir + " is not empty; pass --force to write into it anyway");
                }
            }
        }
        Files.createDirectories(root);
        return new OutputFolder(root, force);
    }

    public Path root() {
        return root;
    }

    /** A sanitised file name: anything but letters, digits and {@code ._+-} becomes {@code _}. */
    public static String sanitise(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        while (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /** The path of {@code name} inside the folder; refuses names that are not plain file names. */
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

    public Path write(String name, byte[] content) throws IOException {
        Path p = resolve(name);
        AtomicWrite.write(p, content, force);
        return p;
    }

    public Path writeString(String name, String content) throws IOException {
        return write(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
