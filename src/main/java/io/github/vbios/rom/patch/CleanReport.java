package io.github.vbios.rom.patch;

import io.github.vbios.io.Finding;
import io.github.vbios.rom.Container;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.TrailingRegion;
import java.util.List;

/**
 * What {@link RomfileCleaner} cut from a dump and why (issue 4, rom-format.md 1.9.2, 1.9.5).
 *
 * @param inputLength bytes in the input
 * @param inputSha256 hash of the whole input
 * @param container how the option-ROM start was found (the header kind)
 * @param headerLength bytes cut in front of the first 55 AA
 * @param keptStart first kept byte (the first image's 55 AA)
 * @param keptEnd end of the kept range: the PCI view end, or the NVIDIA view end with keepNvidiaImages
 * @param keepNvidiaImages the full NVIDIA view was kept (for flashing, not for QEMU)
 * @param trailing what lies after the kept range, in file order
 * @param keptImages the images inside the kept range (offsets in the input)
 * @param remarks what else the cut means (layout B images that must stay, incomplete chains, ...), each with its
 *                {@code RomCode} (info)
 * @param resultLength bytes in the romfile
 * @param resultSha256 hash of the romfile
 * @param romBarSize the ROM BAR QEMU creates for this romfile: pow2ceil(resultLength) (QEMU hw/pci/pci.c)
 * @param alreadyClean the input already was exactly the kept range
 */
public record CleanReport(long inputLength, String inputSha256, Container container, long headerLength, long keptStart,
                          long keptEnd, boolean keepNvidiaImages, List<TrailingRegion> trailing, List<RomImage> keptImages,
                          List<Finding> remarks, long resultLength, String resultSha256, long romBarSize,
                          boolean alreadyClean) {
    public CleanReport {
        trailing = List.copyOf(trailing);
        keptImages = List.copyOf(keptImages);
        remarks = List.copyOf(remarks);
    }

    /** The sentences of {@link #remarks}, for the user (patch text, JSON {@code notes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }

    /** Bytes cut after the kept range. */
    public long trailingLength() {
        return inputLength - keptEnd;
    }

    /** QEMU rounds the romfile size up to a power of two for the ROM BAR (and zero-fills the rest). */
    public static long pow2ceil(long size) {
        if (size <= 1) {
            return 1;
        }
        return Long.highestOneBit(size - 1) << 1;
    }
}
