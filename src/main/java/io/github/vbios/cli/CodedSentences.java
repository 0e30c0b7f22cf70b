package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Finding;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON convention for findings shown as plain sentences (docs/json.md, Finding codes): the
 * sentences in {@code <name>s}, their codes in {@code <name>Codes}, same order; notes also carry
 * {@code noteSeverities} ({@code info} or {@code warning}), because notes mix hints with things to act on.
 */
final class CodedSentences {
    private CodedSentences() {
    }

    /** {@code notes}, {@code noteCodes} and {@code noteSeverities} of {@code remarks}. */
    static void notes(ObjectNode n, List<Finding> remarks) {
        sentences(n, "notes", "noteCodes", remarks);
        ArrayNode severities = n.putArray("noteSeverities");
        remarks.forEach(f -> severities.add(f.severity().name().toLowerCase(Locale.ROOT)));
    }

    /** {@code field}: the sentences of {@code findings}; {@code codesField}: their codes, same order. */
    static void sentences(ObjectNode n, String field, String codesField, List<Finding> findings) {
        ArrayNode sentences = n.putArray(field);
        findings.forEach(f -> sentences.add(f.message()));
        ArrayNode codes = n.putArray(codesField);
        findings.forEach(f -> codes.add(f.code().id()));
    }
}
