package io.github.vbios.acpi;

import io.github.vbios.io.Finding;
import java.util.List;

/**
 * Everything {@code vbios ssdt} did, for the text and JSON renderings.
 *
 * @param rom          the ROM served
 * @param mode         embed or fwcfg
 * @param modeDefaulted true when chosen from the ROM size
 * @param placement    scope, declare or auto
 * @param acpiPath     the GPU node
 * @param pathSource   how the path was derived
 * @param outputDir    absolute output folder
 * @param tables       in load order
 * @param fwCfg        fw_cfg item or null
 * @param load         how to load the set
 * @param remarks      things the user should know, each with its {@link AcpiCode} and severity (JSON
 *                     {@code notes}, {@code noteCodes}, {@code noteSeverities})
 * @param findings     what the user should act on, with stable codes
 */
public record SsdtReport(RomFacts rom, String mode, boolean modeDefaulted, String placement, String acpiPath,
                         String pathSource, String outputDir, List<TableFile> tables, SsdtManifest.FwCfg fwCfg,
                         LoadInstructions load, List<Finding> remarks, List<SsdtFinding> findings) {
    /**
     * The ROM the tables serve: {@code view} {@code nvidia} when it runs past the PCI view (layout A),
     * else {@code pci}; {@code viewStart}/{@code viewEnd} where the served bytes are in the input.
     */
    public record RomFacts(String file, long size, String sha256, boolean cleaned, long pciViewStart,
                           long pciViewEnd, String view, long viewStart, long viewEnd) {
    }

    /** One written table. */
    public record TableFile(String file, String dsl, String role, int size) {
    }

    public SsdtReport {
        tables = List.copyOf(tables);
        remarks = List.copyOf(remarks);
        findings = List.copyOf(findings);
    }

    /** The sentences of {@link #remarks}, for the user (text, JSON {@code notes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }
}
