package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.acpi.SsdtFinding;
import io.github.vbios.acpi.SsdtReport;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import java.io.PrintWriter;
import java.util.List;

/** The text rendering of {@code vbios ssdt}. */
final class SsdtText {
    private SsdtText() {
    }

    /** The {@code --json} document: schema 1, then the report's fields. Kept here so that the
     *  command class never references Jackson (start-up path, StartupPathTest). */
    static String json(SsdtReport r) {
        ObjectNode doc = Json.document();
        doc.setAll((ObjectNode) Json.mapper().valueToTree(r));
        // the remarks go out as sentences with their codes, as every command writes notes; findings stay last
        doc.remove(List.of("remarks", "findings"));
        CodedSentences.notes(doc, r.remarks());
        // findings[].code is the code's stable id (acpi.nvidia-images-missing), not the enum constant's name
        ArrayNode findings = doc.putArray("findings");
        for (SsdtFinding f : r.findings()) {
            findings.addObject().put("code", f.code().id()).put("severity", f.severity()).put("message", f.message());
        }
        return Json.write(doc);
    }

    static void render(SsdtReport r, PrintWriter w) {
        SsdtReport.RomFacts rom = r.rom();
        w.printf("ROM        %s: %d bytes, sha256 %s%s%n", rom.file(), rom.size(), rom.sha256(),
                rom.cleaned() ? " (" + ("nvidia".equals(rom.view()) ? "NVIDIA" : "PCI") + " view "
                        + Hex.offset(rom.viewStart()) + "-" + Hex.offset(rom.viewEnd()) + " cut out)" : "");
        w.printf("mode       %s%s%n", r.mode(), r.modeDefaulted() ? " (default for this ROM size)" : "");
        w.printf("placement  %s%n", r.placement());
        w.printf("path       %s (%s)%n", r.acpiPath(), r.pathSource());
        w.printf("wrote      %s/%n", r.outputDir());
        for (SsdtReport.TableFile t : r.tables()) {
            w.printf("  %-24s %6d bytes  %-8s + %s%n", t.file(), t.size(), t.role(), t.dsl());
        }
        if (r.fwCfg() != null) {
            w.printf("  %-24s fw_cfg file %s%n", r.fwCfg().file(), r.fwCfg().name());
        }
        w.printf("  vbios-ssdt.json (what vbios vm reads)%n");
        w.printf("%nQEMU:%n  %s%n", r.load().qemuLine());
        w.printf("%nlibvirt (inside <domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>; keep the files"
                + " under /var/lib/libvirt/ so the qemu user can read them):%n");
        r.load().libvirt().lines().forEach(l -> w.println("  " + l));
        w.printf("%nProxmox (/etc/pve/qemu-server/VMID.conf):%n  %s%n", r.load().proxmox());
        for (SsdtFinding f : r.findings()) {
            w.printf("%n%s [%s]: %s%n", f.severity(), f.code().id(), f.message());
        }
        if (!r.remarks().isEmpty()) {
            w.printf("%nnotes:%n");
            for (Finding n : r.remarks()) {
                w.println("  - " + n.severity().mark() + n.message());
            }
        }
    }
}
