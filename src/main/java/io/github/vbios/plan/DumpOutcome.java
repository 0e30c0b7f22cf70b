package io.github.vbios.plan;

import io.github.vbios.io.VbiosException;

/** How a sysfs ROM dump ended, and the exit status it maps to (DESIGN.md 2). */
public enum DumpOutcome {
    /** A valid option ROM; its PCI view is written. */
    OK(null),
    /**
     * The boot GPU's shadowed copy: not a good romfile. Refused (exit 3, nothing written) unless
     * {@code --allow-shadow}; see {@link DumpReport#failure()}.
     */
    SHADOW_COPY(VbiosException.Kind.INVALID_INPUT),
    NO_ROM_BAR(VbiosException.Kind.NOT_FOUND),
    PERMISSION(VbiosException.Kind.PERMISSION),
    /** The kernel refused the read (Input/output error) or the ROM answered 0xFFFF. */
    UNREADABLE(VbiosException.Kind.NOT_FOUND),
    NOT_A_ROM(VbiosException.Kind.INVALID_INPUT);

    private final VbiosException.Kind failure;

    DumpOutcome(VbiosException.Kind failure) {
        this.failure = failure;
    }

    /** The error kind when nothing is written, or null for OK ({@link DumpReport#failure()} decides). */
    public VbiosException.Kind failure() {
        return failure;
    }
}
