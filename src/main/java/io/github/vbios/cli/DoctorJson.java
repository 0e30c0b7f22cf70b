package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.Hex;
import io.github.vbios.plan.Check;
import io.github.vbios.plan.DoctorDevice;
import io.github.vbios.plan.DoctorReport;
import java.util.Locale;

/** {@code vbios doctor --json}; a class of its own so the start-up path never loads Jackson. */
final class DoctorJson {
    private DoctorJson() {
    }

    static String render(DoctorReport report) {
        return Json.write(toJson(report));
    }

    private static ObjectNode toJson(DoctorReport report) {
        ObjectNode doc = Json.document();
        ArrayNode devices = doc.putArray("devices");
        for (DoctorDevice dd : report.devices()) {
            PciDevice d = dd.device();
            ObjectNode n = devices.addObject();
            n.put("address", d.address().toString());
            n.put("vendorId", id(d.vendorId()));
            n.put("deviceId", id(d.deviceId()));
            n.put("subsystemVendorId", id(d.subsystemVendorId()));
            n.put("subsystemDeviceId", id(d.subsystemDeviceId()));
            n.put("classCode", d.classCode() < 0 ? null : String.format(Locale.ROOT, "%06x", d.classCode()));
            n.put("role", dd.role().label());
            n.put("nvidia", d.isNvidia());
            n.put("bootVga", d.bootVga());
            n.put("driver", d.driver());
            if (d.iommuGroup() >= 0) {
                n.put("iommuGroup", d.iommuGroup());
            } else {
                n.putNull("iommuGroup");
            }
            n.put("romSize", d.romSize());
            n.put("acpiPath", d.acpiPath());
        }
        ArrayNode checks = doc.putArray("checks");
        for (Check c : report.checks()) {
            ObjectNode n = checks.addObject();
            n.put("id", c.id());
            n.put("status", c.status().label());
            n.put("device", c.device());
            n.put("message", c.message());
            n.put("fix", c.fix());
        }
        ArrayNode findings = doc.putArray("findings");
        report.findings().forEach(f -> findings.addObject().put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                .put("code", f.code().id()).put("message", f.message()));
        doc.put("capable", report.capable());
        return doc;
    }

    private static String id(int v) {
        return v < 0 ? null : Hex.id16(v);
    }

}
