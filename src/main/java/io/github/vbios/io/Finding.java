package io.github.vbios.io;

import java.util.Locale;
import java.util.Objects;

/**
 * Something a parser noticed: a sentence for the user, where it was seen (offset in the input
 * being parsed, or -1 when not tied to a place) and how much it matters. Parsers record findings
 * instead of throwing on bad input. {@code code} is a stable kebab-case name for scripts and tests
 * (null where none is defined); never branch on the message.
 */
public record Finding(Severity severity, long offset, String message, String code) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public Finding(Severity severity, long offset, String message) {
        this(severity, offset, message, null);
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

    /** The same finding with a stable code. */
    public Finding withCode(String newCode) {
        return new Finding(severity, offset, message, newCode);
    }

    @Override
    public String toString() {
        String where = offset >= 0 ? " at " + Hex.offset(offset) : "";
        return severity.name().toLowerCase(Locale.ROOT) + where + ": " + message;
    }
}
