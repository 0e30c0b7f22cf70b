package io.github.vbios.plan;

import java.util.Locale;

/** Outcome of one doctor check; a {@code FAIL} means the host cannot pass the GPU through as is. */
public enum CheckStatus {
    OK, WARN, FAIL;

    /** The JSON and text form: {@code ok}, {@code warn}, {@code fail}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
