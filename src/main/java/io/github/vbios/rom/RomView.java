package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.List;

/**
 * One walk of the chain (rom-format.md 1.9.2 PCI view, 1.9.3 NVIDIA view).
 *
 * @param start offset of the first image
 * @param end offset just after the last image (clamped to the file when the chain is truncated)
 * @param sha256 hash of the bytes [start, end)
 * @param images the images in walk order
 * @param complete the walk ended at a last-image flag (not at a bad header or the end of the file)
 * @param truncated the chain claims bytes beyond the end of the file
 * @param findings what the walk noticed
 */
public record RomView(long start, long end, String sha256, List<RomImage> images, boolean complete,
                      boolean truncated, List<Finding> findings) {
    public RomView {
        images = List.copyOf(images);
        findings = List.copyOf(findings);
    }

    public static RomView empty() {
        return new RomView(-1, -1, null, List.of(), false, false, List.of());
    }

    public long length() {
        return end - start;
    }

    /** The bytes of this view in {@code file} (the analysed input); empty when the view is empty. */
    public ByteSlice bytes(ByteSlice file) {
        return isEmpty() ? ByteSlice.empty() : file.clamp(start, end - start);
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }
}
