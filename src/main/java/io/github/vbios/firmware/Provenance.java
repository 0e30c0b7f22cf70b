package io.github.vbios.firmware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a blob came from, outermost first:
 * {@code update.exe > 7z:bios.bin > FV@0x20000 > file 2D673E5A-... > LZMA section > raw @0x1B0C10}.
 */
public record Provenance(List<String> steps) {
    public Provenance {
        steps = List.copyOf(steps);
    }

    public static Provenance root(String name) {
        return new Provenance(Collections.singletonList(name));
    }

    public Provenance child(String step) {
        List<String> next = new ArrayList<>(steps.size() + 1);
        next.addAll(steps);
        next.add(step);
        return new Provenance(next);
    }

    public int depth() {
        return steps.size();
    }

    @Override
    public String toString() {
        return String.join(" > ", steps);
    }
}
