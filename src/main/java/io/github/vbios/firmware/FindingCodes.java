package io.github.vbios.firmware;

import java.util.Set;

/**
 * Stable codes on walk findings (docs/json.md, {@code findings[].code}): scripts and tests branch
 * on these, never on the sentence. Only findings that someone acts on carry one.
 */
public final class FindingCodes {
    /** A wrapper vbios recognises whose unpacker program is not installed (or --no-external). */
    public static final String UNPACKER_MISSING = "unpacker-missing";
    /** The unpacker ran but failed (damaged, encrypted or a format variant it does not read). */
    public static final String UNPACKER_FAILED = "unpacker-failed";
    /** A wrapper or compression vbios recognises but does not decode (ISO, CAB LZX/Quantum, ...). */
    public static final String WRAPPER_UNSUPPORTED = "wrapper-unsupported";
    /** An encrypted archive whose password vbios does not know. */
    public static final String WRAPPER_ENCRYPTED = "wrapper-encrypted";
    /** An AMI signed-capsule header without its body (the Aptio V secure-flash block): nothing to open. */
    public static final String CAPSULE_HEADER_ONLY = "capsule-header-only";

    /**
     * The codes that leave the walk incomplete: part of the input could not be opened, so "no
     * video BIOS found" would be a guess (issue 15: "incomplete", not "nothing found").
     */
    public static final Set<String> INCOMPLETE = Set.of(UNPACKER_MISSING, UNPACKER_FAILED, WRAPPER_UNSUPPORTED,
            WRAPPER_ENCRYPTED);

    private FindingCodes() {
    }
}
