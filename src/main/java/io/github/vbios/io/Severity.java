package io.github.vbios.io;

import java.util.Locale;

/** How much a {@link Finding} matters to the user. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** The word text output puts before a note of this severity: {@code note}, {@code warning} or {@code error}. */
    public String word() {
        return this == INFO ? "note" : name().toLowerCase(Locale.ROOT);
    }

    /** What a list of notes puts before a note: nothing for a hint, {@code "warning: "} (or error) to act on. */
    public String mark() {
        return this == INFO ? "" : word() + ": ";
    }
}
