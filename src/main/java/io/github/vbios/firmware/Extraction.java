package io.github.vbios.firmware;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one {@code vbios extract} walk learned: the distinct ROMs (in the order found),
 * every container entered, every finding, how many bytes were decoded, and why the walk could
 * not examine the whole input (empty when it could).
 */
public record Extraction(String input, long inputSize, String inputSha256, List<CarvedRom> roms,
                         List<SeenContainer> containers, List<LocatedFinding> findings, long decodedBytes,
                         List<Incomplete> incomplete) {
    public Extraction {
        roms = List.copyOf(roms);
        containers = List.copyOf(containers);
        findings = List.copyOf(findings);
        incomplete = List.copyOf(incomplete);
    }

    /** True when a limit, the deadline or the heap kept part of the input from being examined. */
    public boolean isIncomplete() {
        return !incomplete.isEmpty();
    }

    /** The first finding of each {@link Incomplete} reason: what could not be examined, first met first. */
    public List<LocatedFinding> incompleteFindings() {
        Set<FirmwareCode> codes = EnumSet.noneOf(FirmwareCode.class);
        incomplete.forEach(i -> codes.add(i.finding()));
        return findings.stream().filter(f -> f.finding().code() instanceof FirmwareCode c && codes.remove(c)).toList();
    }

    public long nvidiaCount() {
        return roms.stream().filter(r -> r.isDisplay() && r.isNvidia()).count();
    }

    public long displayCount() {
        return roms.stream().filter(CarvedRom::isDisplay).count();
    }

    /** Counts of what was walked, by kind ("volume" 4, "file" 141, ...). */
    public Map<String, Long> containerCounts() {
        Map<String, Long> m = new TreeMap<>();
        containers.forEach(c -> m.merge(c.kind(), 1L, Long::sum));
        return m;
    }
}
