package io.github.vbios.firmware;

import io.github.vbios.codec.CodecException;

/**
 * A decoder refused its input (corrupt stream, over a limit); the walk turns it into a finding.
 * {@link #produced()} bytes were decoded before the refusal and count against the budget.
 */
public final class DecodeFailure extends Exception {
    private final long produced;
    private final boolean overLimit;

    public DecodeFailure(String message) {
        super(message);
        this.produced = 0;
        this.overLimit = false;
    }

    DecodeFailure(CodecException e) {
        super(e.getMessage());
        this.produced = e.produced();
        this.overLimit = e.isOverLimit();
    }

    /** Output bytes the decoder made before it gave up. */
    public long produced() {
        return produced;
    }

    /** True when the stream was refused for its size, not for corrupt data. */
    public boolean overLimit() {
        return overLimit;
    }
}
