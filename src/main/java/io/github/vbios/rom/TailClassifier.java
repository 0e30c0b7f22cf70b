package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what the bytes after the kept range of a dump are (rom-format.md 1.8, 3.12): NVIDIA-only
 * images, an InfoROM, a backup copy of container and chain, 0xFF/0x00 fill or other data. The
 * tail is cut into fill runs and the islands between them; each island is recognised by what
 * starts it, and a recognised structure may span later fill (a backup chain has fill inside).
 */
public final class TailClassifier {
    /** A fill run shorter than a block is more likely padding inside data than a gap between structures. */
    static final int MIN_FILL = 512;
    /** Hostile input (alternating fill and data) must not produce an endless report. */
    static final int MAX_REGIONS = 64;
    private static final byte[] INFOROM = {'R', 'O', 'M', 1};

    private TailClassifier() {
    }

    public static List<TrailingRegion> classify(ByteSlice file, RomAnalysis a, long from) {
        List<TrailingRegion> out = new ArrayList<>();
        long pos = from;
        RomView nv = a.nvidiaView();
        if (nv.end() > pos && nv.start() == a.pciView().start()) {
            out.add(privateImages(nv, pos));
            pos = nv.end();
        }
        long len = file.length();
        while (pos < len) {
            if (out.size() >= MAX_REGIONS) {
                out.add(new TrailingRegion(pos, len - pos, TrailingRegion.Kind.DATA,
                        "the rest of the file (not classified further: too many regions)"));
                break;
            }
            long fill = fillRun(file, pos);
            if (fill >= MIN_FILL || pos + fill == len) {
                out.add(new TrailingRegion(pos, fill, TrailingRegion.Kind.FILL,
                        String.format("0x%02X fill", file.u8(pos))));
                pos += fill;
                continue;
            }
            TrailingRegion r = island(file, a, pos, islandEnd(file, pos));
            out.add(r);
            pos = r.end();
        }
        return out;
    }

    private static TrailingRegion privateImages(RomView nv, long from) {
        List<RomImage> priv = nv.images().stream().filter(i -> i.offset() >= from).toList();
        String which = priv.stream().map(i -> CodeType.name(i.codeType()) + " at " + Hex.offset(i.offset()))
                .collect(Collectors.joining(", "));
        return new TrailingRegion(from, nv.end() - from, TrailingRegion.Kind.NVIDIA_IMAGES,
                "NVIDIA-only images after the PCI view (layout A): " + which
                        + "; the driver reads them through BAR0, not the ROM BAR");
    }

    /** Length of the run of identical 0x00 or 0xFF bytes at {@code pos}; 0 when the byte is neither. */
    static long fillRun(ByteSlice file, long pos) {
        int b = file.u8(pos);
        if (b != 0 && b != 0xFF) {
            return 0;
        }
        return file.skipWhile(pos, b) - pos;
    }

    /** Where the next fill run of at least {@link #MIN_FILL} bytes starts (or the end of the file). */
    static long islandEnd(ByteSlice file, long pos) {
        // A run of MIN_FILL equal bytes at or after pos covers one of pos + MIN_FILL - 1,
        // pos + 2 * MIN_FILL - 1, ...: only those bytes are looked at, then their run measured
        // (runs are disjoint, so the first sample inside a long run finds the first long run).
        long len = file.length();
        for (long q = pos + MIN_FILL - 1; q < len; q += MIN_FILL) {
            int b = file.u8(q);
            if (b != 0 && b != 0xFF) {
                continue;
            }
            long start = q;
            while (start > pos && file.u8(start - 1) == b) {
                start--;
            }
            if (file.skipWhile(q, b) - start >= MIN_FILL) {
                return start;
            }
        }
        return len;
    }

    private static TrailingRegion island(ByteSlice file, RomAnalysis main, long pos, long end) {
        long container = containerTag(file, pos, end);
        if (container > pos) {
            return new TrailingRegion(pos, container - pos, TrailingRegion.Kind.DATA, "data before a second container");
        }
        if (container == pos) {
            Optional<TrailingRegion> copy = secondContainer(file, main, pos);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        if (ImageParser.isImage(file, pos, false)) {
            return chainAt(file, main, pos);
        }
        ByteSlice head = file.clamp(pos, Math.min(end - pos, 4096));
        int rom = head.indexOf(INFOROM, 0);
        if (rom >= 0 && (head.indexOfAscii("IMG", rom) >= 0 || head.indexOfAscii("OBD", rom) >= 0)) {
            return new TrailingRegion(pos, end - pos, TrailingRegion.Kind.INFOROM,
                    "InfoROM object directory at " + Hex.offset(pos + rom) + " (board data the driver keeps in flash)");
        }
        return new TrailingRegion(pos, end - pos, TrailingRegion.Kind.DATA, (end - pos) + " bytes of data outside any option ROM");
    }

    /** Offset of an NVGI/NVFW tag on a 2-byte step inside {@code [pos, end)}, or -1. */
    private static long containerTag(ByteSlice file, long pos, long end) {
        ByteSlice island = file.clamp(pos, end - pos);
        int g = island.indexOf(new byte[] {'N', 'V', 'G', 'I'}, 0, 2);
        int w = island.indexOf(new byte[] {'N', 'V', 'F', 'W'}, 0, 2);
        int first = g < 0 ? w : w < 0 ? g : Math.min(g, w);
        return first < 0 ? -1 : pos + first;
    }

    private static Optional<TrailingRegion> secondContainer(ByteSlice file, RomAnalysis main, long pos) {
        RomAnalysis copy = RomAnalyzer.analyze(file.from(pos));
        if (!copy.isOptionRom() || !copy.container().kind().isNvidiaContainer()) {
            return Optional.empty();
        }
        long end = pos + Math.max(copy.pciView().end(), copy.nvidiaView().end());
        boolean same = copy.pciView().sha256().equals(main.pciView().sha256());
        return Optional.of(new TrailingRegion(pos, end - pos, TrailingRegion.Kind.BACKUP_COPY, copy.container().kind().description()
                + " header and option-ROM chain again (ROM at " + Hex.offset(pos + copy.pciView().start()) + "): "
                + (same ? "a backup copy, PCI view byte-identical" : "a different PCI view, sha256 " + copy.pciView().sha256())));
    }

    private static TrailingRegion chainAt(ByteSlice file, RomAnalysis main, long pos) {
        RomView chain = NvidiaWalker.walk(new ImageParser(file), pos);
        long end = Math.max(chain.end(), pos + 1);
        boolean privateOnly = chain.images().stream().allMatch(i -> i.codeType() == CodeType.NVIDIA_FW
                || i.codeType() == CodeType.NBSI);
        String which = chain.images().stream().map(i -> CodeType.name(i.codeType()) + " at " + Hex.offset(i.offset()))
                .collect(Collectors.joining(", "));
        if (privateOnly) {
            return new TrailingRegion(pos, end - pos, TrailingRegion.Kind.NVIDIA_IMAGES,
                    "NVIDIA-only images outside the chain: " + which);
        }
        boolean same = chain.sha256() != null && chain.sha256().equals(main.nvidiaView().sha256());
        return new TrailingRegion(pos, end - pos, same ? TrailingRegion.Kind.BACKUP_COPY : TrailingRegion.Kind.DATA,
                (same ? "a backup copy of the option-ROM chain: " : "another option-ROM chain: ") + which);
    }
}
