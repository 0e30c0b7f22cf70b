package io.github.vbios.host;

import io.github.vbios.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code rom} file in a saved or generated host tree ({@code --host-root}): plain bytes, so
 * enabling and disabling would overwrite it; they do nothing here.
 */
public final class SnapshotRomAccess implements RomAccess {
    private final Path rom;

    public SnapshotRomAccess(Path rom) {
        this.rom = rom;
    }

    @Override
    public void enable() {
        // a plain file needs no enabling
    }

    @Override
    public byte[] read(int limit) throws IOException {
        InputFiles.requireRegular(rom);
        try (InputStream in = Files.newInputStream(rom)) {
            return in.readNBytes(limit);
        }
    }

    @Override
    public void disable() {
        // nothing was enabled
    }
}
