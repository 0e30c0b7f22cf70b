package io.github.vbios.host;

import java.io.IOException;
import java.util.Objects;

/**
 * A ROM read that failed for a reason the caller acts on (load a module, look under another ACPI
 * node): {@link #failure()} says which, so {@link RomDumper} reports it on the {@link RomRead}
 * and nobody has to read the message.
 */
public final class RomAccessException extends IOException {
    private final RomRead.Failure failure;

    public RomAccessException(RomRead.Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public RomRead.Failure failure() {
        return failure;
    }
}
