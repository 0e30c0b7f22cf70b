package io.github.vbios.rom.patch;

import io.github.vbios.io.Finding;
import io.github.vbios.rom.RomAnalysis;
import java.util.List;

/**
 * The answer of {@code vbios patch --check}: is this file already a correct romfile?
 *
 * @param ok exactly the PCI view, complete chain, valid x86 checksums SeaBIOS accepts
 * @param problems why not (empty when ok), each with its {@code RomCode} (logic reads the code, the user the sentence)
 * @param remarks things worth knowing that do not make it wrong, each with its {@code RomCode}
 * @param analysis the full analysis behind the answer
 */
public record RomfileCheck(boolean ok, List<Finding> problems, List<Finding> remarks, RomAnalysis analysis) {
    public RomfileCheck {
        problems = List.copyOf(problems);
        remarks = List.copyOf(remarks);
    }

    /** The sentences of {@link #problems}, for the user (JSON {@code reasons}). */
    public List<String> reasons() {
        return Finding.messages(problems);
    }

    /** The sentences of {@link #remarks}, for the user (JSON {@code notes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }

    /** An x86 checksum of the PCI view is wrong or SeaBIOS would reject it: {@code patch --fix-checksum} helps. */
    public boolean needsChecksumFix() {
        return analysis.isOptionRom() && ChecksumFixer.pciChecksums(analysis).stream()
                .anyMatch(c -> !c.valid() || !c.seabiosAccepts());
    }
}
