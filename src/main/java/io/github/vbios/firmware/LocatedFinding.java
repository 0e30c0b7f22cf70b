package io.github.vbios.firmware;

import io.github.vbios.io.Finding;

/**
 * A finding plus the provenance path of the blob whose offsets it uses, and its stable code
 * ({@link FindingCodes}; null for findings nobody branches on).
 */
public record LocatedFinding(String path, Finding finding, String code) {
    public LocatedFinding(String path, Finding finding) {
        this(path, finding, null);
    }

    /** True when this finding says part of the input could not be opened. */
    public boolean incomplete() {
        return code != null && FindingCodes.INCOMPLETE.contains(code);
    }

    @Override
    public String toString() {
        return path + ": " + finding;
    }
}
