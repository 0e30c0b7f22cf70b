package io.github.vbios.codec;

/**
 * Compressed or binary input that cannot be decoded: a data error, never a programming error.
 * The message says what is wrong and where (byte or bit offset in the input), in words a user can act on.
 * {@link #produced()} is how many output bytes the decoder had made before it gave up: a failed
 * stream costs as much work as a good one, and callers count it against their budget.
 */
public final class CodecException extends Exception {
    private final long produced;
    private boolean overLimit;

    public CodecException(String message) {
        this(message, null, 0);
    }

    public CodecException(String message, Throwable cause) {
        this(message, cause, 0);
    }

    public CodecException(String message, Throwable cause, long produced) {
        super(message, cause);
        this.produced = produced;
    }

    /** Marks this failure as the caller's output cap being too small (not corrupt data). */
    CodecException overLimit() {
        overLimit = true;
        return this;
    }

    /** True when the stream was refused for its size against the caller's output cap (not corrupt data). */
    public boolean isOverLimit() {
        return overLimit;
    }

    /** Output bytes decoded (or allocated for decoding) before the failure. */
    public long produced() {
        return produced;
    }
}
