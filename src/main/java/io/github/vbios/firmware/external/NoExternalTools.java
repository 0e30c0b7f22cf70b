package io.github.vbios.firmware.external;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds no program; {@code disabled}: because the user said so, not because none is installed. */
final class NoExternalTools implements ExternalTools {
    private final boolean disabled;

    NoExternalTools(boolean disabled) {
        this.disabled = disabled;
    }

    @Override
    public Optional<Path> find(String program) {
        return Optional.empty();
    }

    @Override
    public int run(List<String> command, Path dir, long seconds) throws IOException {
        throw new IOException("no external tools");
    }

    @Override
    public boolean disabled() {
        return disabled;
    }
}
