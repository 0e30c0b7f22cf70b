package io.github.vbios.firmware;

/**
 * Bounds on one extraction (DESIGN.md 3: no input may make vbios hang or run out of memory).
 * Hitting any of them is a finding, never a crash.
 *
 * @param maxDepth         how many containers may nest (a zip in a capsule in a section ... counts each)
 * @param maxTotalDecoded  bytes all decoders together may produce
 * @param maxStream        bytes one decoder (one section, one archive entry) may produce
 * @param maxRatio         largest output/input ratio believed from one compressed stream
 */
public record Limits(int maxDepth, long maxTotalDecoded, int maxStream, int maxRatio) {
    public static final long GIB = 1L << 30;
    public static final int MIB = 1 << 20;

    public Limits {
        if (maxDepth < 1 || maxTotalDecoded < 0 || maxStream < 0 || maxRatio < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static Limits defaults() {
        return new Limits(32, GIB, 64 * MIB, 10_000);
    }

    /** The most output to accept from {@code inputBytes} compressed bytes: the stream cap, the ratio cap (1 MiB floor). */
    public int streamCap(long inputBytes) {
        long ratio = Math.max(MIB, Math.min(inputBytes, Integer.MAX_VALUE) * (long) maxRatio);
        return (int) Math.min(maxStream, ratio);
    }
}
