package io.github.vbios.firmware;

/**
 * Bounds on one extraction (DESIGN.md 3: no input may make vbios hang or run out of memory).
 * Hitting any of them is a finding and makes the walk {@link Incomplete}, never a crash.
 *
 * @param maxDepth         how many containers may nest (a zip in a capsule in a section ... counts each)
 * @param maxTotalDecoded  bytes all decoders together may produce, failed and refused streams included
 * @param maxStream        bytes one decoder (one section, one archive entry) may produce
 * @param maxRatio         largest output/input ratio believed from one compressed stream
 * @param deadlineMillis   wall-clock time the whole walk may take; 0 for none
 */
public record Limits(int maxDepth, long maxTotalDecoded, int maxStream, int maxRatio, long deadlineMillis) {
    public static final long GIB = 1L << 30;
    public static final int MIB = 1 << 20;
    /**
     * The deepest nesting {@code --max-depth} accepts: the walk runs on its own thread with a stack
     * sized for this many levels ({@link Extractor}), so any allowed depth ends in a result.
     */
    public static final int MAX_DEPTH = 4096;
    /** Default wall-clock bound: real images take seconds; this only stops what the byte budget cannot. */
    public static final long DEFAULT_DEADLINE_MILLIS = 120_000;
    /** One decoded stream may take at most this share of the heap (it is copied once while read). */
    static final int HEAP_SHARE = 8;

    public Limits {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH || maxTotalDecoded < 0 || maxStream < 0 || maxRatio < 1
                || deadlineMillis < 0) {
            throw new IllegalArgumentException("limits must be positive (and --max-depth at most " + MAX_DEPTH + ")");
        }
    }

    public Limits(int maxDepth, long maxTotalDecoded, int maxStream, int maxRatio) {
        this(maxDepth, maxTotalDecoded, maxStream, maxRatio, DEFAULT_DEADLINE_MILLIS);
    }

    public static Limits defaults() {
        return new Limits(32, GIB, 64 * MIB, 10_000);
    }

    /**
     * The per-stream cap that fits a heap of {@code maxMemory} bytes: a stream is held while it is
     * read and copied once, next to its parents, so one may use an eighth of the heap.
     */
    public Limits fitHeap(long maxMemory) {
        long fit = Math.max(MIB, maxMemory / HEAP_SHARE);
        return fit >= maxStream ? this : new Limits(maxDepth, maxTotalDecoded, (int) fit, maxRatio, deadlineMillis);
    }

    /** The most output to accept from {@code inputBytes} compressed bytes: the stream cap, the ratio cap (1 MiB floor). */
    public int streamCap(long inputBytes) {
        long ratio = Math.max(MIB, Math.min(inputBytes, Integer.MAX_VALUE) * (long) maxRatio);
        return (int) Math.min(maxStream, ratio);
    }
}
