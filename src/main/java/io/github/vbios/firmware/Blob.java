package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;

/** Bytes found or decoded somewhere inside the input, with the path that led to them. */
public record Blob(ByteSlice data, Provenance path) {
    public Blob child(ByteSlice childData, String step) {
        return new Blob(childData, path.child(step));
    }
}
