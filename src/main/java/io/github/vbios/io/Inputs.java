package io.github.vbios.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files a command read, which no output may ever replace, with or without {@code --force}.
 * The check is by file identity ({@link Files#isSameFile}: device and inode), so a symbolic link,
 * a symlinked folder, {@code ./in.rom} or a hard link to an input is caught as well as its name.
 * A symbolic link at the output path is compared by itself too: the rename would replace the
 * link, not its target, but a link named like an input is refused all the same.
 */
public final class Inputs {
    private static final Inputs NONE = new Inputs(List.of());

    private final List<Path> files;

    private Inputs(List<Path> files) {
        this.files = files;
    }

    public static Inputs none() {
        return NONE;
    }

    /** The given inputs; nulls (options not given) are skipped. */
    public static Inputs of(Path... inputs) {
        List<Path> l = new ArrayList<>();
        for (Path p : inputs) {
            if (p != null) {
                l.add(p);
            }
        }
        return new Inputs(List.copyOf(l));
    }

    public Inputs and(Path p) {
        if (p == null) {
            return this;
        }
        List<Path> l = new ArrayList<>(files);
        l.add(p);
        return new Inputs(List.copyOf(l));
    }

    public List<Path> files() {
        return files;
    }

    /** Throws (exit 2) when writing {@code target} would replace one of the inputs. */
    public void refuse(Path target) {
        for (Path in : files) {
            if (same(in, target)) {
                throw OutputRefusals.isInput(target, in);
            }
        }
    }

    /** Same file by identity, or the same path where one of them does not exist (yet). */
    static boolean same(Path in, Path target) {
        try {
            if (Files.exists(in) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(target) && Files.isSameFile(in, target)) {
                    return true;
                }
                Path real = target.toAbsolutePath().getParent().toRealPath().resolve(target.getFileName());
                return Objects.equals(real, in.toRealPath());
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the names
        }
        return in.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
    }
}
