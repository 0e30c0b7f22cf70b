package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Hex;
import io.github.vbios.plan.OptimusCandidate;
import io.github.vbios.plan.OptimusResult;
import io.github.vbios.rom.SubsystemIds;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code vbios optimus --json} (docs/json.md). A class of its own so that OptimusCommand's
 * members name no Jackson type: picocli reflects over every command at start-up.
 */
final class OptimusJson {
    private OptimusJson() {
    }

    static ObjectNode of(OptimusResult r, Path input, Path outDir) {
        ObjectNode doc = Json.document();
        doc.put("input", input.toString());
        doc.put("inputKind", r.inputKind());
        ArrayNode cands = doc.putArray("candidates");
        for (OptimusCandidate c : r.candidates()) {
            ObjectNode n = cands.addObject();
            n.put("number", c.number());
            n.put("vendorId", Hex.id16(c.rom().vendorId()));
            n.put("deviceId", Hex.id16(c.rom().deviceId()));
            Optional<SubsystemIds> sub = c.rom().subsystem();
            n.put("subsystemVendorId", sub.map(s -> Hex.id16(s.vendorId())).orElse(null));
            n.put("subsystemDeviceId", sub.map(s -> Hex.id16(s.deviceId())).orElse(null));
            n.put("size", c.size());
            n.put("version", c.rom().version());
            n.put("sha256", c.rom().sha256());
            n.put("provenance", c.rom().provenance().toString());
            n.put("checksumValid", c.rom().checksumValid());
            r.differences().stream().filter(d -> d.number() == c.number()).findFirst().ifPresent(d -> {
                ObjectNode diff = n.putObject("differsFrom");
                diff.put("number", d.twin()).put("bytes", d.bytes()).put("size", d.twinSize());
                ArrayNode ranges = diff.putArray("ranges");
                d.ranges().forEach(g -> ranges.addObject().put("start", g.start()).put("end", g.end())
                        .put("image", g.image()));
            });
        }
        if (r.done()) {
            doc.put("chosen", r.selection().chosen().number());
        } else {
            doc.putNull("chosen");
        }
        doc.put("reason", r.selection().reason());
        doc.put("incomplete", r.selection().incomplete());
        doc.put("outputDir", outDir.toString());
        doc.put("acpiPath", r.acpiPath());
        doc.put("ssdtMode", r.ssdtMode());
        doc.put("hostDevice", r.hostDevice());
        doc.put("hostDeviceFound", r.hostDeviceFound());
        ArrayNode arts = doc.putArray("artefacts");
        r.artefacts().forEach(a -> arts.addObject().put("file", a.file()).put("kind", a.kind())
                .put("description", a.description()));
        CodedSentences.notes(doc, r.remarks());
        return doc;
    }
}
