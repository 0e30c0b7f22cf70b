package io.github.vbios.firmware;

import java.util.List;

/**
 * Why a walk could not examine its whole input (docs/exit-codes.md, status 8 "incomplete").
 * Each reason is recorded once as a finding carrying {@link #code()}; the walk goes on where it
 * can (a skipped stream, a container too deep) or ends (budget, deadline, stack).
 */
public enum Incomplete {
    /** {@code --max-total} decoded bytes were produced (failed streams count too). */
    DECODE_BUDGET("decode-budget"),
    /** The wall-clock {@code --deadline} passed. */
    DEADLINE("deadline"),
    /** A decode or a container did not fit in the Java heap. */
    OUT_OF_MEMORY("out-of-memory"),
    /** The nesting was deeper than the walk's stack allows. */
    STACK("stack-depth"),
    /** A container nested deeper than {@code --max-depth} was not opened. */
    DEPTH_LIMIT("depth-limit"),
    /** A stream decodes to more than {@code --max-stream} (or the ratio cap) and was skipped. */
    STREAM_LIMIT("stream-limit"),
    /** Millions of structures: the walk stopped listing and then walking them. */
    TOO_MANY_STRUCTURES("too-many-structures"),
    /** A container was recognised but vbios cannot open it (an unsupported or encrypted format). */
    UNOPENED("unopened-container");

    private final String code;

    Incomplete(String code) {
        this.code = code;
    }

    /** The codes of {@code reasons}, comma separated, for messages. */
    public static String codes(List<Incomplete> reasons) {
        return String.join(", ", reasons.stream().map(Incomplete::code).toList());
    }

    /** The stable name in findings[].code and verdict.incompleteReasons. */
    public String code() {
        return code;
    }

}
