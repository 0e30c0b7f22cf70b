package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.rom.nvidia.NvidiaContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the option-ROM start in the recommended order of rom-format.md 1.9.1; never guesses silently. */
final class ContainerFinder {
    private static final int MAX_CANDIDATES = 16;

    private ContainerFinder() {
    }

    static Container find(ByteSlice file, List<Finding> findings) {
        Optional<NvidiaContainer> nvgi = NvidiaContainer.nvgi(file, 0);
        Optional<Container> c = nvgi.flatMap(nv -> fromNvidia(file, nv, findings));
        if (c.isPresent()) {
            return c.get();
        }
        if (nvgi.isEmpty()) {
            c = NvidiaContainer.nvfw(file).flatMap(nv -> fromNvidia(file, nv, findings));
            if (c.isPresent()) {
                return c.get();
            }
        }
        if (ImageParser.isImage(file, 0, true)) {
            return new Container(ContainerKind.PLAIN, 0, -1, -1, "55 AA with a valid PCIR at offset 0", List.of());
        }
        for (long off = 512; off + 0x1A <= file.length(); off += 512) {
            if (ImageParser.isImage(file, off, true)) {
                return new Container(ContainerKind.SCAN_512, off, -1, -1,
                        "first 512-byte boundary with 55 AA and a valid PCIR pointer", List.of());
            }
        }
        return fallback(file, findings);
    }

    private static Optional<Container> fromNvidia(ByteSlice file, NvidiaContainer nv, List<Finding> findings) {
        if (!nv.found()) {
            findings.add(Finding.warning(RomCode.NVIDIA_CONTAINER_INVALID,
                    nv.headerOffset(), nv.details() + "; trying the other rules"));
            return Optional.empty();
        }
        long start = nv.romStart();
        // RM requires a 4-aligned start with 55 AA there (1.8)
        Optional<String> problem = start % 4 != 0 ? Optional.of("offset is not 4-byte aligned")
                : ImageParser.headerProblem(file, start, false).map(HeaderProblem::text);
        if (problem.isPresent()) {
            findings.add(Finding.warning(RomCode.NVIDIA_CONTAINER_START_INVALID,
                    start, nv.details() + ", but " + problem.get() + "; trying the other rules"));
            return Optional.empty();
        }
        ContainerKind kind = switch (nv.version()) {
            case 1 -> ContainerKind.NVGI_V1;
            case 2 -> ContainerKind.NVGI_V2;
            case 3 -> ContainerKind.NVGI_V3;
            default -> ContainerKind.NVFW_RFRD_V4;
        };
        return Optional.of(new Container(kind, start, nv.headerOffset(), nv.directoryOffset(), nv.details(), List.of()));
    }

    /** Step 5: every 4-byte offset; the first candidate is used and all are reported. */
    private static Container fallback(ByteSlice file, List<Finding> findings) {
        List<Long> candidates = new ArrayList<>();
        byte[] signature = {0x55, (byte) 0xAA};
        for (int off = file.indexOf(signature, 0, 4); off >= 0 && off + 0x1A <= file.length()
                && candidates.size() < MAX_CANDIDATES; off = file.indexOf(signature, off + 4, 4)) {
            if (ImageParser.isImage(file, off, true)) {
                candidates.add((long) off);
            }
        }
        if (candidates.isEmpty()) {
            return Container.none("no 55 AA signature with a PCIR structure at any 512-byte boundary");
        }
        long start = candidates.get(0);
        findings.add(Finding.warning(RomCode.START_UNALIGNED,
                start, "option ROM start found only by a 4-byte scan (not on a 512-byte boundary); "
                + candidates.size() + " candidate(s): " + candidates.stream().map(ImageParser::hex).toList()));
        return new Container(ContainerKind.SCAN_FALLBACK, start, -1, -1,
                "first 4-byte offset with 55 AA and a valid PCIR pointer (no 512-byte boundary had one)", candidates);
    }
}
