package io.github.vbios.firmware;

import java.util.List;

/**
 * Why a walk could not examine its whole input (docs/exit-codes.md, status 8 "incomplete").
 * Each reason is reported by findings of code {@link #finding()}; the walk goes on where it
 * can (a skipped stream, a container too deep) or ends (budget, deadline, stack).
 */
public enum Incomplete {
    /** {@code --max-total} decoded bytes were produced (failed streams count too). */
    DECODE_BUDGET("decode-budget", FirmwareCode.LIMIT_TOTAL),
    /** The wall-clock {@code --deadline} passed. */
    DEADLINE("deadline", FirmwareCode.LIMIT_DEADLINE),
    /** A decode or a container did not fit in the Java heap. */
    OUT_OF_MEMORY("out-of-memory", FirmwareCode.OUT_OF_MEMORY),
    /** The nesting was deeper than the walk's stack allows. */
    STACK("stack-depth", FirmwareCode.LIMIT_STACK),
    /** A container nested deeper than {@code --max-depth} was not opened. */
    DEPTH_LIMIT("depth-limit", FirmwareCode.LIMIT_DEPTH),
    /** A stream decodes to more than {@code --max-stream} (or the ratio cap) and was skipped. */
    STREAM_LIMIT("stream-limit", FirmwareCode.LIMIT_STREAM),
    /** Millions of structures: the walk stopped listing and then walking them. */
    TOO_MANY_STRUCTURES("too-many-structures", FirmwareCode.LIMIT_STRUCTURES),
    /** A container was recognised but vbios cannot open it (an unsupported or encrypted format). */
    UNOPENED("unopened-container", FirmwareCode.CONTAINER_UNOPENED);

    private final String code;
    private final FirmwareCode finding;

    Incomplete(String code, FirmwareCode finding) {
        this.code = code;
        this.finding = finding;
    }

    /** The codes of {@code reasons}, comma separated, for messages. */
    public static String codes(List<Incomplete> reasons) {
        return String.join(", ", reasons.stream().map(Incomplete::code).toList());
    }

    /** The stable name in verdict.incompleteReasons (kept from before findings had codes: scripts use it). */
    public String code() {
        return code;
    }

    /** The code of the findings that report this reason (findings[].code, e.g. {@code firmware.limit-total}). */
    public FirmwareCode finding() {
        return finding;
    }

}
