package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;

/**
 * A format that is found by searching a blob, not by magic at its start: flasher packages that
 * their exe carries somewhere after its code, or a BIOS Guard table inside a module (BIOSUtilities
 * finds these with a regular expression over the whole file; firmware.md 3). A {@link Container}
 * only looks at fixed offsets, since it is asked about every blob of the walk; these formats are
 * searched once, and only in blobs that no container claimed, just before the raw-area scan,
 * which reads such a blob from end to end anyway.
 */
public interface EmbeddedFormat {
    /** Short name used in reports ("ami-ucp"). */
    String kind();

    /** The offset of the first header of this format in {@code data}, or -1; one bounded pass. */
    int find(ByteSlice data);

    /**
     * Opens the header {@link #find} returned. Returns true when the blob was fully handled, false
     * to let the walk go on with the next format and the raw-area scan. Never throws on bad input.
     */
    boolean open(Blob blob, int at, Walk walk);
}
