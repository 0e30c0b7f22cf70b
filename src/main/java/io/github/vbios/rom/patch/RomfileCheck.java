package io.github.vbios.rom.patch;

import io.github.vbios.rom.RomAnalysis;
import java.util.List;

/**
 * The answer of {@code vbios patch --check}: is this file already a correct romfile?
 *
 * @param ok exactly the PCI view, complete chain, valid x86 checksums SeaBIOS accepts
 * @param reasons why not (empty when ok)
 * @param notes things worth knowing that do not make it wrong
 * @param analysis the full analysis behind the answer
 */
public record RomfileCheck(boolean ok, List<String> reasons, List<String> notes, RomAnalysis analysis) {
    public RomfileCheck {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
    }

    /** An x86 checksum of the PCI view is wrong or SeaBIOS would reject it: {@code patch --fix-checksum} helps. */
    public boolean needsChecksumFix() {
        return analysis.isOptionRom() && ChecksumFixer.pciChecksums(analysis).stream()
                .anyMatch(c -> !c.valid() || !c.seabiosAccepts());
    }
}
