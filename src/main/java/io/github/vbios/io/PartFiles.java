package io.github.vbios.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * vbios's hidden work files: {@code .NAME<digits>.part} beside the file (or folder) being
 * written. Their names stay within NAME_MAX (255 bytes) whatever the length of NAME; a run that
 * is stopped by SIGINT, SIGTERM or SIGHUP deletes the ones it still holds (a JVM shutdown hook);
 * one left by SIGKILL is recognised as vbios's own by {@link #isLeftover}.
 *
 * <p>The registry is process-wide on purpose: a signal ends the whole process, so whatever it
 * holds must be known to one hook.
 */
public final class PartFiles {
    /** Linux NAME_MAX, in bytes. */
    static final int NAME_MAX = 255;
    private static final String SUFFIX = ".part";
    /** Room for "." + 19 digits + ".part". */
    private static final int PREFIX_MAX = NAME_MAX - 1 - 19 - SUFFIX.length();
    /** Also matches the names of older versions ({@code Files.createTempFile(dir, ".NAME", ".part")}). */
    private static final Pattern LEFTOVER = Pattern.compile("\\..*[0-9]+\\.part");

    private static final Set<Runnable> PENDING = new LinkedHashSet<>();
    private static boolean hooked;

    private PartFiles() {
    }

    /** A fresh work-file name for {@code target} in the same folder. */
    static Path beside(Path target) {
        String digits = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1);
        return target.resolveSibling("." + prefix(target.getFileName().toString()) + digits + SUFFIX);
    }

    /** {@code name} cut (at a character boundary) to what fits before the digits. */
    static String prefix(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= PREFIX_MAX) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > PREFIX_MAX) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** True for a name vbios gives its work files. */
    public static boolean isLeftover(Path p) {
        return p.getFileName() != null && LEFTOVER.matcher(p.getFileName().toString()).matches();
    }

    /** Runs {@code cleanup} if the process is stopped before {@link #done} is called with it. */
    static synchronized void onExit(Runnable cleanup) {
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(PartFiles::runAll, "vbios-cleanup"));
                hooked = true;
            } catch (IllegalStateException e) {
                return; // already shutting down: the caller's own finally block cleans up
            }
        }
        PENDING.add(cleanup);
    }

    static synchronized void done(Runnable cleanup) {
        PENDING.remove(cleanup);
    }

    private static void runAll() {
        Runnable[] all;
        synchronized (PartFiles.class) {
            all = PENDING.toArray(new Runnable[0]);
            PENDING.clear();
        }
        for (Runnable r : all) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // best effort while the process ends
            }
        }
    }

    /** Deletes a file or a folder tree; symbolic links are removed, never followed. */
    static void deleteTree(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.sorted(Comparator.reverseOrder()).forEach(PartFiles::deleteQuietly);
                }
            } else {
                deleteQuietly(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the caller reports the error that made it clean up
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }
}
