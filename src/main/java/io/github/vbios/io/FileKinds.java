package io.github.vbios.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Words for what a path is, for messages that refuse it ("a FIFO", "a character device"). */
final class FileKinds {
    private static final int S_IFMT = 0170000;

    private FileKinds() {
    }

    /** What {@code file} is (symbolic links followed unless {@code options} say otherwise). */
    static String describe(Path file, LinkOption... options) {
        try {
            if (Files.isSymbolicLink(file) && options.length > 0) {
                return "a symbolic link";
            }
            // the JDK's "unix" view carries st_mode on Linux; BasicFileAttributes only says "other"
            Object mode = Files.getAttribute(file, "unix:mode", options);
            if (mode instanceof Integer m) {
                switch (m & S_IFMT) {
                    case 0010000: return "a FIFO (named pipe)";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    case 0040000: return "a folder";
                    case 0120000: return "a symbolic link";
                    case 0100000: return "a regular file";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // fall through to the general word
        }
        return "a special file";
    }
}
