package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.ExtractPlan;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.LocatedFinding;
import io.github.vbios.firmware.SeenContainer;
import io.github.vbios.io.Hex;
import java.util.Locale;

/** The JSON form of an extraction (report.json and --json), DESIGN.md 2 conventions. */
final class ExtractJson {
    private ExtractJson() {
    }

    static String render(Extraction x, ExtractPlan plan, String outputDir) {
        return render(x, plan, outputDir, false);
    }

    /** With {@code nvidiaViewsWritten}, each longer NVIDIA view was written too (--nvidia-view). */
    static String render(Extraction x, ExtractPlan plan, String outputDir, boolean nvidiaViewsWritten) {
        ObjectNode doc = Json.document();
        ObjectNode in = doc.putObject("input");
        in.put("name", x.input()).put("size", x.inputSize()).put("sha256", x.inputSha256());
        if (outputDir != null) {
            doc.put("outputDir", outputDir);
        }
        ArrayNode roms = doc.putArray("roms");
        for (ExtractPlan.Output o : plan.outputs()) {
            ObjectNode r = roms.addObject();
            rom(r, o);
            nvidiaView(r, o, nvidiaViewsWritten);
        }
        ArrayNode containers = doc.putArray("containers");
        for (SeenContainer c : x.containers()) {
            ObjectNode n = containers.addObject();
            n.put("kind", c.kind()).put("path", c.path().toString()).put("offset", c.offset()).put("length", c.length());
            if (c.name() != null) {
                n.put("name", c.name());
            }
            if (c.detail() != null) {
                n.put("detail", c.detail());
            }
        }
        ArrayNode findings = doc.putArray("findings");
        for (LocatedFinding f : x.findings()) {
            ObjectNode n = findings.addObject().put("severity", f.finding().severity().name().toLowerCase(Locale.ROOT))
                    .put("path", f.path().toString()).put("offset", f.finding().offset())
                    .put("message", f.finding().message());
            n.put("code", f.finding().code().id());
        }
        doc.put("decodedBytes", x.decodedBytes());
        ObjectNode v = doc.putObject("verdict");
        v.put("found", plan.found()).put("nvidiaCount", x.nvidiaCount()).put("displayCount", x.displayCount())
                .put("message", plan.verdict()).put("complete", !x.isIncomplete());
        ArrayNode reasons = v.putArray("incompleteReasons");
        x.incomplete().forEach(i -> reasons.add(i.code()));
        return Json.write(doc);
    }

    /**
     * {@code nvidiaView}: for a layout-A NVIDIA ROM the NVIDIA view (PCI view plus the NVIDIA-only
     * images, what {@code _ROM} must serve) with its size, hash and file when written; else null.
     */
    private static void nvidiaView(ObjectNode n, ExtractPlan.Output o, boolean written) {
        CarvedRom r = o.rom();
        if (!r.nvidiaViewLonger()) {
            n.putNull("nvidiaView");
            return;
        }
        ObjectNode v = n.putObject("nvidiaView");
        v.put("size", r.nvidiaView().length()).put("sha256", r.nvidiaView().sha256());
        if (written && o.written()) {
            v.put("file", ExtractCommand.nvidiaViewName(o.fileName()));
        } else {
            v.putNull("file");
        }
    }

    private static void rom(ObjectNode n, ExtractPlan.Output o) {
        CarvedRom r = o.rom();
        n.put("vendorId", Hex.id16(r.vendorId())).put("deviceId", Hex.id16(r.deviceId()));
        r.subsystem().ifPresent(sub ->
                n.put("subsystemVendorId", Hex.id16(sub.vendorId())).put("subsystemId", Hex.id16(sub.deviceId())));
        n.put("classCode", String.format("%06x", r.classCode())).put("kind", r.kind())
                .put("size", r.pciView().length()).put("sha256", r.sha256())
                .put("checksumValid", r.checksumValid());
        if (r.version() != null) {
            n.put("version", r.version());
        }
        r.analysis().identity().nvidia().ifPresent(nv -> {
            ObjectNode id = n.putObject("nvidia");
            id.put("version", nv.version()).put("versionString", nv.versionString()).put("date", nv.date())
                    .put("signOn", nv.signOn());
        });
        ArrayNode images = n.putArray("images");
        long viewStart = r.analysis().pciView().start();
        r.analysis().pciImages().forEach(i -> images.addObject().put("offset", i.offset() - viewStart)
                .put("vendorId", Hex.id16(i.vendorId())).put("deviceId", Hex.id16(i.deviceId()))
                .put("classCode", String.format("%06x", i.classCode())).put("codeType", i.codeType())
                .put("length", i.pcirLength()).put("last", i.last()));
        n.put("uefiCapable", r.analysis().verdict().uefiCapable());
        n.put("provenance", r.provenance().toString());
        ArrayNode also = n.putArray("alsoFoundAt");
        r.alsoAt().forEach(p -> also.add(p.toString()));
        n.put("written", o.written());
        if (o.written()) {
            n.put("file", o.fileName());
        }
    }
}
