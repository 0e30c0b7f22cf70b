package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutOfBoundsException;
import io.github.vbios.rom.FoundRom;
import io.github.vbios.rom.RomScanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carver of firmware.md 8.2 step 6: every leaf blob goes through the rom room's
 * {@link RomScanner} (55 AA + PCIR chains, NVGI/NVFW flash dumps). ROMs are kept once per PCI
 * view hash; each further copy is only noted (each ROM appears 3-4 times in nested bodies).
 */
public final class RomCarver implements Carver {
    /** Hostile input could hold thousands of tiny ROMs; more than this are counted, not kept. */
    static final int MAX_DISTINCT = 1024;

    private final Map<String, CarvedRom> bySha = new LinkedHashMap<>();

    @Override
    public void carve(Blob blob, Walk walk) {
        List<FoundRom> found;
        try {
            found = RomScanner.scan(blob.data());
        } catch (OutOfBoundsException e) {
            // the analyzer turns its own bad reads into findings; one that escaped the scan between
            // candidates is the only data error left: any other exception is a bug and must surface
            walk.finding(blob, Finding.error(FirmwareCode.ROM_SCAN_FAILED, e.offset(), "option ROM scan failed: "
                    + e.getMessage()));
            return;
        }
        for (FoundRom f : found) {
            if (!f.analysis().isOptionRom() || f.analysis().pciImages().isEmpty()) {
                continue;
            }
            long off = f.pciViewOffset();
            String sha = f.analysis().pciView().sha256();
            Provenance where = blob.path().child("rom@" + Hex.offset(off));
            CarvedRom known = bySha.get(sha);
            if (known != null) {
                bySha.put(sha, known.withCopy(where));
            } else if (bySha.size() < MAX_DISTINCT) {
                // A copy, so a ROM found in a large decoded buffer does not keep that buffer alive.
                ByteSlice view = ByteSlice.of(blob.data().clamp(off, f.pciViewLength()).toArray());
                long nvLength = f.analysis().nvidiaBeyondPci()
                        ? f.analysis().nvidiaView().length() : f.pciViewLength();
                ByteSlice nv = nvLength == f.pciViewLength() ? view
                        : ByteSlice.of(blob.data().clamp(off, nvLength).toArray());
                bySha.put(sha, new CarvedRom(sha, view, f, where, List.of(), nv));
            }
        }
    }

    public List<CarvedRom> roms() {
        return new ArrayList<>(bySha.values());
    }
}
