package io.github.vbios.io;

import java.util.Objects;

/**
 * Something a parser noticed: a sentence for the user, where it was seen (offset in the input
 * being parsed, or -1 when not tied to a place) and how much it matters. Parsers record findings
 * instead of throwing on bad input.
 */
public record Finding(Severity severity, long offset, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Finding info(long offset, String message) {
        return new Finding(Severity.INFO, offset, message);
    }

    public static Finding warning(long offset, String message) {
        return new Finding(Severity.WARNING, offset, message);
    }

    public static Finding error(long offset, String message) {
        return new Finding(Severity.ERROR, offset, message);
    }

    @Override
    public String toString() {
        String where = offset >= 0 ? " at " + Hex.offset(offset) : "";
        return severity.name().toLowerCase(java.util.Locale.ROOT) + where + ": " + message;
    }
}
