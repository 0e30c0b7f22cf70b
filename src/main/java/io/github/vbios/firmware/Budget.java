package io.github.vbios.firmware;

/**
 * The whole-run work bound of one walk (issue 12.2): every byte any decoder produces, whether the
 * stream then succeeds, fails or is refused for its size, and a wall-clock deadline. Once the
 * bytes are spent nothing more is decoded (what is already decoded is still searched); once the
 * deadline passes the walk ends. Either is an {@link Incomplete} finding.
 */
final class Budget {
    private final long maxBytes;
    private final long deadlineNanos;
    private final long startNanos;
    private long used;
    private boolean closed;

    Budget(long maxBytes, long deadlineMillis) {
        this.maxBytes = maxBytes;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = deadlineMillis == 0 ? Long.MAX_VALUE : deadlineMillis * 1_000_000L;
    }

    void charge(long bytes) {
        used += Math.max(0, bytes);
    }

    long used() {
        return used;
    }

    long left() {
        return Math.max(0, maxBytes - used);
    }

    /** True once decoders produced the whole byte budget (or it was closed): nothing more is decoded. */
    boolean bytesSpent() {
        return closed || used >= maxBytes;
    }

    /** A stream needed more than is left: decode nothing more, rather than refuse stream after stream. */
    void close() {
        closed = true;
    }

    /** True once the deadline passed: the walk ends. */
    boolean pastDeadline() {
        return System.nanoTime() - startNanos > deadlineNanos;
    }
}
