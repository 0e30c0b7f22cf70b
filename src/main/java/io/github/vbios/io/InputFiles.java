package io.github.vbios.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The one way vbios reads an input file, for every command (ROMs, dumps, updates, domain XML,
 * manifests, sysfs attributes). Only regular files are read: a FIFO would block the open
 * forever and a device ({@code /dev/zero}) never ends, so both are refused by their type before
 * anything is opened (sysfs and procfs attributes are regular files). Every read is capped: at
 * most {@code limit + 1} bytes are ever read, whatever the file's size claims (procfs says 0,
 * a file may grow while it is read).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Refuses anything but an existing regular file (symbolic links are followed):
     * {@link NoSuchFileException} when missing, exit 3 for a folder, FIFO, device or socket.
     */
    public static BasicFileAttributes requireRegular(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
        if (a.isDirectory()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + " is a folder; pass a file");
        }
        if (!a.isRegularFile()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + " is " + FileKinds.describe(file)
                    + ", not a regular file; vbios reads only regular files (copy it into a file first)");
        }
        return a;
    }

    /** The whole file, at most {@code limit} bytes; a longer file is refused (exit 3) after reading limit + 1. */
    public static byte[] read(Path file, long limit) throws IOException {
        BasicFileAttributes a = requireRegular(file);
        long cap = Math.min(limit, Integer.MAX_VALUE - 64L);
        if (a.size() > cap) {
            throw tooLarge(file, a.size() + " bytes", cap);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // the size is only a hint: read what is there, never more than cap + 1 bytes
            // one array of the claimed size, filled in place (no second copy of a large image)
            byte[] first = new byte[(int) Math.max(0, Math.min(a.size(), cap))];
            int got = in.readNBytes(first, 0, first.length);
            if (got < first.length) {
                return Arrays.copyOf(first, got);
            }
            int room = (int) (cap + 1 - first.length);
            byte[] rest = in.readNBytes(room);
            if (rest.length == 0) {
                return first;
            }
            if (first.length + (long) rest.length > cap) {
                throw tooLarge(file, "more than " + cap + " bytes", cap);
            }
            byte[] all = new byte[first.length + rest.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(rest, 0, all, first.length, rest.length);
            return all;
        }
    }

    /** {@link #read} as a {@link ByteSlice}. */
    public static ByteSlice slice(Path file, long limit) throws IOException {
        return ByteSlice.of(read(file, limit));
    }

    /**
     * The file as text in {@code charset}, decoded strictly: bytes that are not valid in it are
     * refused (exit 3) with the file, the encoding and the offset of the first bad byte.
     */
    public static String text(Path file, long limit, Charset charset) throws IOException {
        byte[] b = read(file, limit);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + " is not valid " + charset.name()
                    + " text (first bad byte near offset " + Hex.offset(firstBad(b, charset)) + "); save it as "
                    + charset.name() + " and try again");
        }
    }

    private static long firstBad(byte[] b, Charset charset) {
        var dec = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(Math.max(16, b.length));
        var r = dec.decode(in, out, true);
        return r.isError() ? in.position() : 0;
    }

    private static VbiosException tooLarge(Path file, String size, long cap) {
        return new VbiosException(VbiosException.Kind.INVALID_INPUT, file + " is " + size + ", over the limit of "
                + cap + " bytes for this input");
    }
}
