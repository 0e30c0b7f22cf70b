package io.github.vbios.firmware.external;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.archive.Archives;
import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.ByteSlice;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Shared plumbing for formats only an external program unpacks: write the blob to a private
 * temporary folder, run the program, explore every regular file it produced (under the
 * limits), delete the folder. When the program is missing, a finding names the package.
 */
abstract class ExternalUnpacker implements Container {
    private final ExternalTools tools;

    ExternalUnpacker(ExternalTools tools) {
        this.tools = tools;
    }

    abstract String program();

    abstract String debianPackage();

    /** The installed unpacker to use, if any; formats with several possible programs override it. */
    Optional<Path> locate(ExternalTools tools) {
        return tools.find(program());
    }

    /** What the user is told is missing ("innoextract", "unar or unrar"). */
    String programs() {
        return program();
    }

    /** The format in words for findings ("Inno Setup installer", "RAR5 archive"). */
    String formatName(ByteSlice data) {
        return kind() + " wrapper";
    }

    /** The command line that unpacks {@code input} into {@code out}. */
    abstract List<String> command(Path program, Path input, Path out);

    @Override
    public boolean open(Blob blob, Walk walk) {
        Optional<Path> found = locate(tools);
        if (found.isEmpty()) {
            walk.seen(blob, kind(), 0, blob.data().length(), null, "not unpacked");
            String why = tools.disabled() ? " not unpacked: external unpackers are off (--no-external); without it "
                    + programs() + " unpacks it when installed (package " + debianPackage() + ")"
                    : " found but " + programs() + " is not installed (install package " + debianPackage() + ")";
            walk.incomplete(blob, 0, Incomplete.UNOPENED, formatName(blob.data()) + why
                    + "; its contents were not searched, only what is stored uncompressed is found raw");
            return false;
        }
        Path program = found.get();
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("vbios-" + kind());
            Path input = tmp.resolve("input.bin");
            AtomicWrite.write(input, blob.data().toArray(), false);
            Path out = Files.createDirectory(tmp.resolve("out"));
            int rc = tools.run(command(program, input, out), tmp, 120);
            List<Path> files = files(out);
            if (rc != 0 && files.isEmpty()) {
                walk.incomplete(blob, 0, Incomplete.UNOPENED, program.getFileName() + " failed with exit status "
                        + rc + " on the " + formatName(blob.data()) + " (damaged, encrypted or a variant it does not"
                        + " read); its contents were not searched, looking inside raw");
                return false;
            }
            walk.seen(blob, kind(), 0, blob.data().length(), null, files.size() + " files");
            if (rc != 0) {
                walk.incomplete(blob, 0, Incomplete.UNOPENED, program.getFileName() + " unpacked " + files.size()
                        + " files of the " + formatName(blob.data()) + " but exited with status " + rc
                        + ": some of its contents may be missing");
            }
            for (Path f : files) {
                explore(blob, out, f, walk);
            }
            return true;
        } catch (IOException e) {
            walk.incomplete(blob, 0, Incomplete.UNOPENED, program.getFileName() + " could not run on the "
                    + formatName(blob.data()) + ": " + e.getMessage() + "; its contents were not searched");
            return false;
        } finally {
            deleteTree(tmp);
        }
    }

    private void explore(Blob blob, Path out, Path f, Walk walk) throws IOException {
        long size = Files.size(f);
        if (!walk.budgetLeft(blob)) {
            return;
        }
        if (size > walk.streamCap(size)) {
            walk.refused(blob, -1, size, kind() + " output " + out.relativize(f) + " is " + size + " bytes; skipped");
            return;
        }
        byte[] data = Files.readAllBytes(f);
        walk.decoded(data.length);
        walk.explore(blob.child(ByteSlice.of(data), Archives.entryName(kind(), out.relativize(f).toString())));
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && out.size() < Archives.MAX_ENTRIES) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
