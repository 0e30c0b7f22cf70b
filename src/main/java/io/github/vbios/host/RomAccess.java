package io.github.vbios.host;

import java.io.IOException;
import java.util.Optional;

/**
 * The three steps of reading a device ROM through sysfs: write {@code 1} to the {@code rom}
 * attribute, read it, write {@code 0}. An interface so tests can observe the order and simulate
 * the failures real hardware gives (Input/output error, 0xFFFF, permission denied).
 */
public interface RomAccess {
    void enable() throws IOException;

    /** Reads at most {@code limit} bytes. */
    byte[] read(int limit) throws IOException;

    void disable() throws IOException;

    /** The shell command that disables the ROM again by hand, for when {@link #disable()} cannot run. */
    default Optional<String> restoreCommand() {
        return Optional.empty();
    }
}
