package io.github.vbios.rom;

import java.util.List;

/**
 * Where the option ROM starts inside the file and which rule said so (rom-format.md 1.8, 1.9.1).
 *
 * @param kind       the rule that found the start
 * @param romStart   offset of the first image's 55 AA, or -1 when none was found
 * @param headerOffset offset of the container header (NVGI/NVFW), or -1
 * @param directoryOffset offset of the RFRD directory (NVGI v3, NVFW), or -1
 * @param details    a sentence describing how the start was derived
 * @param candidates other plausible starts (fallback scan), for the user to judge
 */
public record Container(ContainerKind kind, long romStart, long headerOffset, long directoryOffset,
                        String details, List<Long> candidates) {
    public Container {
        candidates = List.copyOf(candidates);
    }

    public static Container none(String details) {
        return new Container(ContainerKind.NONE, -1, -1, -1, details, List.of());
    }

    public boolean found() {
        return kind != ContainerKind.NONE;
    }
}
