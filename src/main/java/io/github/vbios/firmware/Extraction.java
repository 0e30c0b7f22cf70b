package io.github.vbios.firmware;

import java.util.List;

/**
 * Everything one {@code vbios extract} walk learned: the distinct ROMs (in the order found),
 * every container entered, every finding, and how many bytes were decoded.
 */
public record Extraction(String input, long inputSize, String inputSha256, List<CarvedRom> roms,
                         List<SeenContainer> containers, List<LocatedFinding> findings, long decodedBytes) {
    public Extraction {
        roms = List.copyOf(roms);
        containers = List.copyOf(containers);
        findings = List.copyOf(findings);
    }

    /**
     * The findings that say part of the input could not be opened (a wrapper without its unpacker,
     * an undecoded compression, an encrypted archive): when nothing was found, the answer is
     * "incomplete", not "nothing found" (issue 15).
     */
    public List<LocatedFinding> unopened() {
        return findings.stream().filter(LocatedFinding::incomplete).toList();
    }

    public long nvidiaCount() {
        return roms.stream().filter(r -> r.isDisplay() && r.isNvidia()).count();
    }

    public long displayCount() {
        return roms.stream().filter(CarvedRom::isDisplay).count();
    }

    /** Counts of what was walked, by kind ("volume" 4, "file" 141, ...). */
    public java.util.Map<String, Long> containerCounts() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        containers.forEach(c -> m.merge(c.kind(), 1L, Long::sum));
        return m;
    }
}
