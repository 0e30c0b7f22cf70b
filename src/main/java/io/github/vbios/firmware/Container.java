package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;

/**
 * A format that holds other blobs (like Commons Compress' archive streams): a capsule, a flash
 * descriptor, a zip, a registry export. {@link #recognises} is a cheap look at magic bytes at fixed
 * offsets, never a search through the blob (it is asked about every blob of the walk; a format
 * that must be searched for is an {@link EmbeddedFormat}); {@link #open} hands every child to
 * {@link Walk#explore} with its provenance and records what it saw and found on the walk. Neither
 * ever throws on bad input.
 */
public interface Container {
    /** Short name used in reports ("zip", "capsule", "descriptor"). */
    String kind();

    /** True when the blob looks like this format (magic bytes); must be cheap. */
    boolean recognises(ByteSlice data);

    /**
     * Opens the blob. Returns true when the blob was fully handled; false to let the walk go on
     * with the next detector and finally the raw-area scan (used to fall back on inconsistency).
     */
    boolean open(Blob blob, Walk walk);
}
