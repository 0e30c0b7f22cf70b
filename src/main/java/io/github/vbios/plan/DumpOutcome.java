package io.github.vbios.plan;

import io.github.vbios.io.VbiosException;

/** How a sysfs ROM dump ended, and the exit status it maps to (DESIGN.md 2). */
public enum DumpOutcome {
    /** A valid option ROM; its PCI view is written. */
    OK(null),
    /** Written, but it looks like the boot GPU's shadowed copy: not a good romfile. */
    SHADOW_COPY(null),
    NO_ROM_BAR(VbiosException.Kind.NOT_FOUND),
    PERMISSION(VbiosException.Kind.PERMISSION),
    /** The kernel refused the read (Input/output error) or the ROM answered 0xFFFF. */
    UNREADABLE(VbiosException.Kind.NOT_FOUND),
    NOT_A_ROM(VbiosException.Kind.INVALID_INPUT);

    private final VbiosException.Kind failure;

    DumpOutcome(VbiosException.Kind failure) {
        this.failure = failure;
    }

    /** The error kind, or null when a file is written. */
    public VbiosException.Kind failure() {
        return failure;
    }
}
