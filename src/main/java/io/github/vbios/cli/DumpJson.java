package io.github.vbios.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Hex;
import io.github.vbios.plan.DumpReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code vbios dump --json}; a class of its own so the start-up path never loads Jackson. */
final class DumpJson {
    private DumpJson() {
    }

    static String render(DumpReport r, Path output) {
        return Json.write(toJson(r, output));
    }

    private static ObjectNode toJson(DumpReport r, Path output) {
        ObjectNode doc = Json.document();
        doc.put("address", r.address());
        doc.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("output", r.written() ? output.toString() : null);
        doc.put("bytesRead", r.read() == null || r.read().bytes() == null ? 0 : r.read().bytes().length);
        doc.put("disableFailed", r.read() != null && r.read().disableFailed());
        doc.put("readFailure", r.read() == null || r.read().failure() == null ? null
                : r.read().failure().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (r.analysis() != null && r.analysis().isOptionRom()) {
            ObjectNode v = doc.putObject("pciView");
            v.put("start", r.analysis().pciView().start());
            v.put("end", r.analysis().pciView().end());
            v.put("sha256", r.analysis().pciView().sha256());
            doc.put("vendorId", Hex.id16(r.analysis().pciImages().get(0).vendorId()));
            doc.put("deviceId", Hex.id16(r.analysis().pciImages().get(0).deviceId()));
            doc.put("shadowCopySuspect", r.analysis().verdict().shadowCopySuspect());
            doc.put("uefiCapable", r.analysis().verdict().uefiCapable());
            doc.put("uefiUnknownReason", r.analysis().verdict().uefiUnknownReason());
            doc.set("shadowCopy", r.analysis().verdict().shadowCopy()
                    .map(x -> (JsonNode) InfoJson.shadowCopy(doc.objectNode(), x))
                    .orElse(doc.nullNode()));
        }
        InfoJson.findings(doc.putArray("findings"), r.analysis() == null ? List.of() : r.analysis().findings());
        ArrayNode e = doc.putArray("explanations");
        r.explanations().forEach(e::add);
        ArrayNode s = doc.putArray("suggestions");
        r.suggestions().forEach(s::add);
        return doc;
    }

}
