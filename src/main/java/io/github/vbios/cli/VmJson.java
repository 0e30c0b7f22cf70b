package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Hex;
import io.github.vbios.vm.GuestCheck;
import io.github.vbios.vm.GuestFunction;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.RootPort;
import io.github.vbios.vm.VmTarget;
import java.util.Locale;
import java.util.Map;

/** {@code vbios vm ... --json}; a class of its own so the start-up path never loads Jackson. */
final class VmJson {
    private VmJson() {
    }

    /** {@code extra}: the rendered configuration (strings and lists of strings), by JSON name. */
    static String render(VmTarget target, PassthroughPlan plan, String ssdtCommand, Map<String, Object> extra) {
        ObjectNode doc = Json.document();
        doc.put("target", target.name().toLowerCase(Locale.ROOT));
        doc.put("acpiPath", plan.acpiPath());
        doc.put("ssdtCommand", ssdtCommand);
        doc.set("plan", planJson(plan));
        GuestCheck check = GuestCheck.of(plan);
        doc.putObject("guestCheck").put("ids", check.ids()).put("linux", check.linux()).put("windows", check.windows());
        extra.forEach((k, v) -> doc.set(k, Json.mapper().valueToTree(v)));
        CodedSentences.notes(doc, plan.remarks());
        return Json.write(doc);
    }

    /** The plan with IDs as 4-hex strings (DESIGN.md 2), numbers as integers. */
    private static ObjectNode planJson(PassthroughPlan plan) {
        ObjectNode n = Json.object();
        n.put("machine", plan.machine());
        n.put("ovmfCode", plan.ovmfCode());
        n.put("ovmfVars", plan.ovmfVars());
        ArrayNode ports = n.putArray("rootPorts");
        for (RootPort rp : plan.rootPorts()) {
            ObjectNode p = ports.addObject();
            p.put("id", rp.id());
            p.put("index", rp.index());
            p.put("chassis", rp.chassis());
            p.put("port", rp.port());
            p.put("guestAddress", String.format(Locale.ROOT, "00:%02x.%x", rp.slot(), rp.function()));
            p.put("hotplugOff", rp.hotplugOff());
            ArrayNode fns = p.putArray("functions");
            for (GuestFunction f : rp.functions()) {
                ObjectNode o = fns.addObject();
                o.put("hostAddress", f.hostAddress());
                o.put("guestFunction", f.guestFunction());
                o.put("subsystemVendorId", f.hasSubsystem() ? Hex.id16(f.subsystemVendorId()) : null);
                o.put("subsystemDeviceId", f.hasSubsystem() ? Hex.id16(f.subsystemDeviceId()) : null);
                o.put("romfile", f.romfile());
                o.put("alias", f.alias());
            }
        }
        ArrayNode tables = n.putArray("acpiTables");
        plan.acpiTables().forEach(tables::add);
        if (plan.fwCfg() == null) {
            n.putNull("fwCfg");
        } else {
            n.putObject("fwCfg").put("name", plan.fwCfg().name()).put("file", plan.fwCfg().file());
        }
        return n;
    }

}
