package io.github.vbios.firmware;

import io.github.vbios.io.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one extraction: limits and the decoded-bytes budget, what was seen and found,
 * and the dispatch back into the explorer for nested blobs. Not thread-safe; one per input.
 */
public final class Walk {
    private final Limits limits;
    private final Carver carver;
    private final FirmwareExplorer explorer;
    private final List<SeenContainer> seen = new ArrayList<>();
    private final List<LocatedFinding> findings = new ArrayList<>();
    /** Hostile input can hold millions of 4-byte sections; past this many records only a count is kept. */
    static final int MAX_RECORDS = 200_000;

    /** Decoding attempts on guessed streams (carving) per extraction: real images need a handful. */
    static final int MAX_GUESSES = 64;

    /** Every reason the walk is incomplete, in the order first met; each was reported once. */
    private final Set<Incomplete> incomplete = EnumSet.noneOf(Incomplete.class);
    private final List<Incomplete> incompleteOrder = new ArrayList<>();
    private long decoded;
    private boolean budgetReported;
    private long dropped;
    private int guesses;

    Walk(Limits limits, Carver carver, FirmwareExplorer explorer) {
        this.limits = limits;
        this.carver = carver;
        this.explorer = explorer;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * True while guessed decodes are left: a hostile image full of plausible-looking stream
     * headers in many areas must not multiply the decoding time.
     */
    boolean guessLeft() {
        return guesses++ < MAX_GUESSES;
    }

    /** Hands a nested blob to the full detector chain (wrappers, capsule, descriptor, raw-area scan). */
    public void explore(Blob blob) {
        explorer.dispatch(blob, this);
    }

    /** Scans leaf bytes for option ROMs. */
    public void carve(Blob blob) {
        if (!blob.data().isEmpty()) {
            carver.carve(blob, this);
        }
    }

    public void seen(Blob where, String kind, long offset, long length, String name, String detail) {
        if (seen.size() < MAX_RECORDS) {
            seen.add(new SeenContainer(kind, where.path().toString(), offset, length, name, detail));
        } else {
            overflow(where);
        }
    }

    public void finding(Blob where, Finding finding) {
        if (findings.size() < MAX_RECORDS) {
            findings.add(new LocatedFinding(where.path().toString(), finding));
        } else {
            overflow(where);
        }
    }

    /**
     * Records that part of the input was not examined: a warning finding with the reason's code,
     * the first time each reason occurs (later occurrences are plain warnings without the code).
     */
    public void incomplete(Blob where, Incomplete why, String message) {
        incomplete(where, -1, why, message);
    }

    /** As {@link #incomplete(Blob, Incomplete, String)}, at {@code offset} in {@code where}. */
    public void incomplete(Blob where, long offset, Incomplete why, String message) {
        Finding f = Finding.warning(offset, message);
        if (incomplete.add(why)) {
            incompleteOrder.add(why);
            // never dropped by the record cap: scripts look for this code
            findings.add(new LocatedFinding(where.path().toString(), f.withCode(why.code())));
        } else {
            finding(where, f);
        }
    }

    /** The reasons this walk is incomplete, first met first; empty when the whole input was examined. */
    public List<Incomplete> incompleteReasons() {
        return List.copyOf(incompleteOrder);
    }

    /**
     * True once ten times {@link #MAX_RECORDS} structures were dropped: walkers stop there, so a
     * hostile stream of millions of empty sections ends in seconds, not hours.
     */
    public boolean exhausted() {
        return dropped > 10L * MAX_RECORDS;
    }

    /** Counts what no longer fits; the first time, a last finding says so. */
    private void overflow(Blob where) {
        if (dropped++ == 0) {
            findings.add(new LocatedFinding(where.path().toString(), Finding.warning(-1,
                    "limit hit: more than " + MAX_RECORDS + " structures or findings; the rest are not listed")));
        }
    }

    public void warn(Blob where, long offset, String message) {
        finding(where, Finding.warning(offset, message));
    }

    /** False (with a finding) when the blob nests deeper than the depth limit. */
    boolean enter(Blob blob) {
        if (blob.path().depth() > limits.maxDepth()) {
            finding(blob, Finding.warning(-1, "limit hit: nesting deeper than " + limits.maxDepth()
                    + " containers; not opened (raise --max-depth)"));
            return false;
        }
        return true;
    }

    /** The output cap for one decoder fed {@code inputBytes}: per-stream, ratio and remaining budget. */
    public int streamCap(long inputBytes) {
        long left = Math.max(0, limits.maxTotalDecoded() - decoded);
        return (int) Math.min(limits.streamCap(inputBytes), left);
    }

    /** True when any decoding budget is left; records one finding the first time it runs out. */
    public boolean budgetLeft(Blob where) {
        if (decoded < limits.maxTotalDecoded()) {
            return true;
        }
        if (!budgetReported) {
            budgetReported = true;
            warn(where, -1, "limit hit: " + limits.maxTotalDecoded()
                    + " decoded bytes in total; the rest is not decoded (raise --max-total)");
        }
        return false;
    }

    /** Records {@code bytes} of decoder output against the total budget. */
    public void decoded(long bytes) {
        decoded += bytes;
    }

    public long decodedBytes() {
        return decoded;
    }

    public List<SeenContainer> seen() {
        return seen;
    }

    public List<LocatedFinding> findings() {
        return findings;
    }
}
