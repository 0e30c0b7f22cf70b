package io.github.vbios.firmware;

import io.github.vbios.io.Finding;

/** A finding plus the provenance path of the blob whose offsets it uses. */
public record LocatedFinding(Provenance path, Finding finding) {
    @Override
    public String toString() {
        return path + ": " + finding;
    }
}
