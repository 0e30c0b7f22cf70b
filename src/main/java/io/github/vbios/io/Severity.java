package io.github.vbios.io;

/** How much a {@link Finding} matters to the user. */
public enum Severity {
    INFO, WARNING, ERROR
}
