package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The PCI view (rom-format.md 1.9.2): what Linux, SeaBIOS and OVMF walk. */
final class PciWalker {
    static final int MAX_IMAGES = 64;

    private PciWalker() {
    }

    static RomView walk(ImageParser parser, long start) {
        ByteSlice file = parser.file();
        List<RomImage> images = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        long off = start;
        boolean complete = false;
        boolean truncated = false;
        while (images.size() < MAX_IMAGES) {
            Optional<HeaderProblem> header = ImageParser.headerProblem(file, off, true);
            if (header.isPresent()) {
                HeaderProblem problem = header.get();
                // a chain that ends exactly at the end of the file claims no byte past it: incomplete, not
                // truncated (a boot GPU's shadow copy ends so, issue 15); only an image longer than the file is
                findings.add(endFinding(file, off, images.isEmpty(), problem));
                truncated = off > file.length() && !images.isEmpty();
                break;
            }
            RomImage image = parser.parse(off);
            images.add(image);
            long len = image.pcirLength();
            if (len == 0) {
                findings.add(Finding.error(RomCode.IMAGE_LENGTH_ZERO,
                        off, "image length 0 in the PCIR: the chain cannot continue"));
                off = Math.min(file.length(), off + 512);
                break;
            }
            off += len;
            if (off > file.length()) {
                findings.add(Finding.error(RomCode.TRUNCATED,
                        image.offset(), "truncated at " + ImageParser.hex(file.length())
                        + ", expected the image to end at " + ImageParser.hex(off)));
                truncated = true;
                off = file.length();
                break;
            }
            if (image.last()) {
                complete = true;
                break;
            }
        }
        if (images.size() >= MAX_IMAGES && !complete) {
            findings.add(Finding.error(RomCode.TOO_MANY_IMAGES,
                    off, "more than " + MAX_IMAGES + " images in the PCI chain; stopped"));
        }
        return view(file, start, off, images, complete, truncated, findings);
    }

    /** A missing first image or a chain running off the file is an error; a bad later header a warning. */
    private static Finding endFinding(ByteSlice file, long off, boolean first, HeaderProblem problem) {
        if (!first && off >= file.length()) {
            return Finding.warning(RomCode.CHAIN_ENDS_AT_EOF,
                    off, "PCI chain ends at the end of the file although the image before says more "
                    + "images follow (no last-image flag)");
        }
        String message = "PCI chain ends without a last-image flag: " + problem.text();
        return first ? Finding.error(RomCode.CHAIN_UNTERMINATED, off, message)
                : Finding.warning(RomCode.CHAIN_UNTERMINATED, off, message);
    }

    static RomView view(ByteSlice file, long start, long end, List<RomImage> images, boolean complete,
                        boolean truncated, List<Finding> findings) {
        if (images.isEmpty()) {
            return new RomView(start, start, null, images, false, truncated, findings);
        }
        String sha = file.clamp(start, end - start).sha256();
        return new RomView(start, end, sha, images, complete, truncated, findings);
    }
}
