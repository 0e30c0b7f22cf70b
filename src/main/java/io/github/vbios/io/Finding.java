package io.github.vbios.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a parser noticed: what kind it is ({@code code}, stable, for scripts, tests and logic),
 * a sentence for the user, where it was seen (offset in the input being parsed, or -1 when not
 * tied to a place) and how much it matters. Parsers record findings instead of throwing on bad
 * input. Branch on {@link #code()}, never on the message.
 */
public record Finding(Severity severity, long offset, String message, FindingCode code) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    public static Finding info(FindingCode code, long offset, String message) {
        return new Finding(Severity.INFO, offset, message, code);
    }

    public static Finding warning(FindingCode code, long offset, String message) {
        return new Finding(Severity.WARNING, offset, message, code);
    }

    public static Finding error(FindingCode code, long offset, String message) {
        return new Finding(Severity.ERROR, offset, message, code);
    }

    /** The sentences of {@code findings}, in order: what text output and JSON {@code notes}-style arrays show. */
    public static List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }

    /** True when this finding is of kind {@code c}. */
    public boolean is(FindingCode c) {
        return code.equals(c);
    }

    @Override
    public String toString() {
        String where = offset >= 0 ? " at " + Hex.offset(offset) : "";
        return severity.name().toLowerCase(Locale.ROOT) + where + ": " + message;
    }
}
