package io.github.vbios.plan;

import io.github.vbios.host.RomRead;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import java.util.List;

/**
 * The result of {@code vbios dump}: what was read, what the rom room made of it, the PCI view
 * to write, and sentences that explain a failure and what to try instead.
 *
 * @param read      the enable/read/disable cycle (null when it was not attempted)
 * @param analysis  the rom room's analysis of the bytes (null when nothing was read)
 * @param pciView   the bytes to write as romfile (null unless OK or SHADOW_COPY)
 */
// pciView is this report's payload (written as the romfile), never compared
@SuppressWarnings("ArrayRecordComponent")
public record DumpReport(String address, DumpOutcome outcome, RomRead read, RomAnalysis analysis, byte[] pciView,
                         List<String> explanations, List<String> suggestions) {
    public DumpReport {
        explanations = List.copyOf(explanations);
        suggestions = List.copyOf(suggestions);
    }

    public boolean written() {
        return pciView != null;
    }

    /** The error kind to exit with, or null when a file is written (a shadow copy kept with --allow-shadow). */
    public VbiosException.Kind failure() {
        return written() ? null : outcome.failure();
    }
}
