package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Hex;
import io.github.vbios.plan.PatchNextSteps;
import io.github.vbios.rom.CodeType;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.TrailingRegion;
import io.github.vbios.rom.Verdict;
import io.github.vbios.rom.X86Checksum;
import io.github.vbios.rom.patch.ChecksumFixer;
import io.github.vbios.rom.patch.CleanReport;
import io.github.vbios.rom.patch.IdPatcher;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomfileCheck;
import java.util.List;

/** JSON rendering of {@code vbios patch} (schema 1, camelCase, IDs as 4-hex strings, offsets as integers). */
final class PatchJson {
    private PatchJson() {
    }

    static ObjectNode patch(String input, String output, PatchOutcome o, PatchNextSteps next) {
        ObjectNode doc = patch(input, output, o);
        Verdict v = o.output().verdict();
        ObjectNode verdict = doc.putObject("verdict");
        verdict.put("uefiCapable", v.uefiCapable()).put("uefiUnknownReason", v.uefiUnknownReason())
                .put("shadowCopySuspect", v.shadowCopySuspect()).put("efiDamaged", v.efiDamaged());
        ArrayNode stacks = doc.putArray("nextSteps");
        for (PatchNextSteps.Stack s : next.stacks()) {
            ObjectNode n = stacks.addObject().put("stack", s.name());
            s.lines().forEach(n.putArray("lines")::add);
        }
        PatchNextSteps.DeviceMatch m = next.device();
        if (m == null) {
            doc.putNull("deviceCheck");
        } else {
            doc.putObject("deviceCheck").put("address", m.address()).put("named", m.named())
                    .put("gpuIds", m.gpuIds()).put("gpuSubsystem", m.gpuSubsystem()).put("romIds", m.romIds())
                    .put("romSubsystem", m.romSubsystem()).put("idsMatch", m.idsMatch())
                    .put("subsystemMatches", m.subsystemMatches()).put("message", m.message());
        }
        return doc;
    }

    static ObjectNode patch(String input, String output, PatchOutcome o) {
        CleanReport r = o.clean();
        ObjectNode doc = Json.document();
        ObjectNode in = doc.putObject("input");
        in.put("file", input).put("size", r.inputLength()).put("sha256", r.inputSha256());
        doc.putObject("container").put("kind", r.container().kind().jsonName()).put("romStart", r.container().romStart())
                .put("details", r.container().details());
        doc.putObject("cut").put("headerLength", r.headerLength()).put("keptStart", r.keptStart())
                .put("keptEnd", r.keptEnd()).put("trailingLength", r.trailingLength());
        doc.put("keepNvidiaImages", r.keepNvidiaImages());
        doc.put("alreadyClean", r.alreadyClean());
        doc.put("identicalToInput", o.identicalToInput());
        ArrayNode trailing = doc.putArray("trailing");
        for (TrailingRegion t : r.trailing()) {
            trailing.addObject().put("offset", t.offset()).put("length", t.length()).put("kind", t.kind().jsonName())
                    .put("description", t.description());
        }
        images(doc.putArray("keptImages"), r.keptImages());
        CodedSentences.notes(doc, r.remarks());
        o.warnings().forEach(doc.putArray("warnings")::add);
        ArrayNode warningCodes = doc.putArray("warningCodes");
        o.problems().forEach(w -> warningCodes.add(w.code().id()));
        doc.putObject("output").put("file", output).put("size", r.resultLength()).put("sha256", o.sha256())
                .put("romBarSize", r.romBarSize()).put("written", true);
        o.ids().ifPresent(ids -> ids(doc.putObject("ids"), ids));
        o.checksums().ifPresent(c -> checksums(doc.putObject("checksums"), c));
        return doc;
    }

    static ObjectNode check(String input, RomfileCheck c) {
        ObjectNode doc = Json.document();
        doc.put("file", input).put("size", c.analysis().fileLength()).put("romfileOk", c.ok());
        CodedSentences.sentences(doc, "reasons", "reasonCodes", c.problems());
        CodedSentences.notes(doc, c.remarks());
        images(doc.putArray("images"), c.analysis().pciImages());
        sums(doc.putArray("checksums"), c.analysis().checksums());
        return doc;
    }

    private static void images(ArrayNode arr, List<RomImage> images) {
        for (RomImage i : images) {
            arr.addObject().put("offset", i.offset()).put("codeType", CodeType.name(i.codeType()))
                    .put("vendorId", Hex.id16(i.vendorId())).put("deviceId", Hex.id16(i.deviceId()))
                    .put("pcirLength", i.pcirLength()).put("last", i.last());
        }
    }

    private static void ids(ObjectNode n, IdPatcher.Result ids) {
        n.put("vendorId", Hex.id16(ids.vendorId())).put("deviceId", Hex.id16(ids.deviceId()));
        ArrayNode changes = n.putArray("changes");
        for (IdPatcher.Change c : ids.changes()) {
            changes.addObject().put("imageOffset", c.imageOffset()).put("pcirOffset", c.pcirOffset())
                    .put("codeType", CodeType.name(c.codeType()))
                    .put("oldVendorId", Hex.id16(c.oldVendorId())).put("oldDeviceId", Hex.id16(c.oldDeviceId()))
                    .put("newVendorId", Hex.id16(c.newVendorId())).put("newDeviceId", Hex.id16(c.newDeviceId()));
        }
        CodedSentences.sentences(n, "skipped", "skippedCodes", ids.leftAlone());
    }

    private static void checksums(ObjectNode n, ChecksumFixer.Result c) {
        sums(n.putArray("before"), c.before());
        sums(n.putArray("after"), c.after());
        ArrayNode fixes = n.putArray("fixes");
        for (ChecksumFixer.Fix f : c.fixes()) {
            fixes.addObject().put("imageOffset", f.imageOffset()).put("blockStart", f.blockStart())
                    .put("blockLength", f.blockLength()).put("sumBefore", f.sumBefore()).put("byteOffset", f.byteOffset())
                    .put("oldValue", f.oldValue()).put("newValue", f.newValue()).put("why", f.why());
        }
        CodedSentences.notes(n, c.remarks());
        CodedSentences.sentences(n, "problems", "problemCodes", c.problems());
        n.put("allValid", c.allValid());
    }

    private static void sums(ArrayNode arr, List<X86Checksum> sums) {
        for (X86Checksum s : sums) {
            ObjectNode o = arr.addObject().put("imageOffset", s.imageOffset()).put("rule", s.rule())
                    .put("valid", s.valid()).put("seabiosAccepts", s.seabiosAccepts());
            o.putObject("byte2").put("length", s.byte2Length()).put("sum", s.byte2Sum());
            o.putObject("pcirLength").put("length", s.pcirLength()).put("sum", s.pcirSum());
            if (s.npdeLength() >= 0) {
                o.putObject("npdeLength").put("length", s.npdeLength()).put("sum", s.npdeSum());
            }
        }
    }
}
