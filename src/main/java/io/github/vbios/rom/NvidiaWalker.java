package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.rom.nvidia.Npde;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The NVIDIA view (rom-format.md 1.9.3): what NVIDIA's driver walks, following NPDE sizes and last flags. */
final class NvidiaWalker {
    private NvidiaWalker() {
    }

    static RomView walk(ImageParser parser, long start) {
        return walk(parser, start, RomView.empty());
    }

    static RomView walk(ImageParser parser, long start, RomView pci) {
        ByteSlice file = parser.file();
        List<RomImage> images = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        long off = start;
        boolean complete = false;
        boolean truncated = false;
        while (images.size() < PciWalker.MAX_IMAGES) {
            Optional<HeaderProblem> header = ImageParser.headerProblem(file, off, false);
            if (header.isPresent()) {
                HeaderProblem problem = header.get();
                // the last NVIDIA image often says "more" while fill follows (M2200M, P5000M): not an error
                findings.add(Finding.info(RomCode.NVIDIA_CHAIN_END, off, "NVIDIA chain ends: " + problem.text()));
                break;
            }
            RomImage image = parser.parse(off);
            images.add(image);
            long size = image.nvidiaLength();
            if (size == 0) {
                findings.add(Finding.error(RomCode.NVIDIA_IMAGE_SIZE_ZERO,
                        off, "image size 0 in the NVIDIA chain: cannot continue"));
                break;
            }
            off += size;
            if (off > file.length()) {
                findings.add(Finding.warning(RomCode.NVIDIA_TRUNCATED,
                        image.offset(), "NVIDIA chain truncated at " + ImageParser.hex(file.length())
                        + ", expected the image to end at " + ImageParser.hex(off)));
                truncated = true;
                off = file.length();
                break;
            }
            if (last(image)) {
                complete = true;
                break;
            }
        }
        if (!images.isEmpty() && pci.start() == start && pci.end() == off && pci.sha256() != null) {
            // both views cover the same bytes (layout B, AMD, iPXE): hash them once
            return new RomView(start, off, pci.sha256(), images, complete, truncated, findings);
        }
        return PciWalker.view(file, start, off, images, complete, truncated, findings);
    }

    /** NPDE last flag when the NPDE is long enough, else the PCIR bit, unless NPDE says the image is shorter (1.9.3). */
    static boolean last(RomImage image) {
        Npde npde = image.npde().filter(Npde::honoured).orElse(null);
        if (npde == null) {
            return image.last();
        }
        if (npde.hasLastFlag()) {
            return npde.last();
        }
        return image.last() && npde.subImageLengthBlocks() >= image.pcirLengthBlocks();
    }
}
