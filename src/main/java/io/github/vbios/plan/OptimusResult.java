package io.github.vbios.plan;

import io.github.vbios.io.Finding;
import java.util.List;

/**
 * What {@code vbios optimus} did: the input's kind, every candidate, the choice (null when none or
 * several remained: exit 4), every file written with what it is for, and the notes ({@code remarks}).
 */
public record OptimusResult(String inputKind, List<OptimusCandidate> candidates, OptimusSelection selection,
                            String acpiPath, String ssdtMode, String hostDevice, boolean hostDeviceFound,
                            List<Artefact> artefacts, List<Finding> remarks) {
    /** One file in the output folder. */
    public record Artefact(String file, String kind, String description) {
    }

    public OptimusResult {
        candidates = List.copyOf(candidates);
        artefacts = List.copyOf(artefacts);
        remarks = List.copyOf(remarks);
    }

    /** The sentences of {@link #remarks} (each remark carries its code: JSON {@code noteCodes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }

    public boolean done() {
        return selection.chosen() != null;
    }

    /** How candidates with the same vendor:device differ from the first of them (issue 15). */
    public List<CandidateDiff> differences() {
        return CandidateDiff.among(candidates);
    }

    /** The romfile's name in the output folder, or null. */
    public String romfile() {
        return artefacts.stream().filter(a -> a.kind().equals("romfile")).map(Artefact::file).findFirst().orElse(null);
    }
}
