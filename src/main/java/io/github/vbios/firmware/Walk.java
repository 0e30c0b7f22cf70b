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

    private final Budget budget;
    /** Every reason the walk is incomplete, in the order first met; each was reported once. */
    private final Set<Incomplete> incomplete = EnumSet.noneOf(Incomplete.class);
    private final List<Incomplete> incompleteOrder = new ArrayList<>();
    private boolean stopped;
    private long dropped;
    private int guesses;

    Walk(Limits limits, Carver carver, FirmwareExplorer explorer) {
        this.limits = limits;
        this.carver = carver;
        this.explorer = explorer;
        this.budget = new Budget(limits.maxTotalDecoded(), limits.deadlineMillis());
    }

    public Limits limits() {
        return limits;
    }

    /**
     * True while guessed decodes are left: a hostile image full of plausible-looking stream
     * headers in many areas must not multiply the decoding time.
     */
    public boolean guessLeft() {
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
            seen.add(new SeenContainer(kind, where.path(), offset, length, name, detail));
        } else {
            overflow(where);
        }
    }

    public void finding(Blob where, Finding finding) {
        if (findings.size() < MAX_RECORDS) {
            findings.add(new LocatedFinding(where.path(), finding));
        } else {
            overflow(where);
        }
    }

    /**
     * True once the walk must end: the deadline passed, the stack ran out, or ten times
     * {@link #MAX_RECORDS} structures were dropped (so a hostile stream of millions of empty
     * sections ends in seconds, not hours). The first time, an incomplete finding says why.
     */
    public boolean exhausted(Blob where) {
        if (stopped) {
            return true;
        }
        if (dropped > 10L * MAX_RECORDS) {
            stop(where, Incomplete.TOO_MANY_STRUCTURES, "limit hit: more than " + 10L * MAX_RECORDS
                    + " structures; the rest of the input is not walked");
        } else if (budget.pastDeadline()) {
            stop(where, Incomplete.DEADLINE, "limit hit: the walk took longer than the deadline of "
                    + limits.deadlineMillis() / 1000.0 + " s; the rest of the input is not examined (raise --deadline)");
        }
        return stopped;
    }

    /** Ends the walk with {@code why}: every walker and decoder returns from here on. */
    void stop(Blob where, Incomplete why, String message) {
        stopped = true;
        incomplete(where, why, message);
    }

    /**
     * Records that part of the input was not examined: a warning finding of the reason's code. The
     * first one of each reason is kept past the record cap (scripts look for it); later ones are
     * ordinary findings.
     */
    public void incomplete(Blob where, Incomplete why, String message) {
        incomplete(where, -1, why, message);
    }

    /** As {@link #incomplete(Blob, Incomplete, String)}, at {@code offset} in {@code where}. */
    public void incomplete(Blob where, long offset, Incomplete why, String message) {
        Finding f = Finding.warning(why.finding(), offset, message);
        if (incomplete.add(why)) {
            incompleteOrder.add(why);
            // never dropped by the record cap: scripts look for this code
            findings.add(new LocatedFinding(where.path(), f));
        } else {
            finding(where, f);
        }
    }

    /** The reasons this walk is incomplete, first met first; empty when the whole input was examined. */
    public List<Incomplete> incompleteReasons() {
        return List.copyOf(incompleteOrder);
    }

    /** The heap ran out while unpacking {@code where}: that part is lost, the walk goes on with the rest. */
    void outOfMemory(Blob where) {
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        incomplete(where, Incomplete.OUT_OF_MEMORY, "limit hit: out of memory while unpacking this part (Java heap "
                + heap + " MiB); it was not examined. Run with a larger heap, e.g. VBIOS_JAVA_OPTS=-Xmx"
                + Math.max(2, 2 * (heap + 1023) / 1024) + "g, or lower --max-stream");
    }

    /** Counts what no longer fits; the first time, a last finding says so. */
    private void overflow(Blob where) {
        if (dropped++ == 0) {
            findings.add(new LocatedFinding(where.path(), Finding.warning(FirmwareCode.LIMIT_RECORDS, -1,
                    "limit hit: more than " + MAX_RECORDS + " structures or findings; the rest are not listed")));
        }
    }

    public void warn(Blob where, FirmwareCode code, long offset, String message) {
        finding(where, Finding.warning(code, offset, message));
    }

    /** False (with a finding) when the blob nests deeper than the depth limit. */
    public boolean enter(Blob blob) {
        if (blob.path().depth() > limits.maxDepth()) {
            incomplete(blob, Incomplete.DEPTH_LIMIT, "limit hit: nesting deeper than " + limits.maxDepth()
                    + " containers; not opened (raise --max-depth, at most " + Limits.MAX_DEPTH + ")");
            return false;
        }
        return true;
    }

    /** The output cap for one decoder fed {@code inputBytes}: per-stream, ratio and remaining budget. */
    public int streamCap(long inputBytes) {
        return (int) Math.min(limits.streamCap(inputBytes), budget.left());
    }

    /**
     * True while decoding may go on: budget bytes are left and the walk has not ended. Records
     * one incomplete finding the first time the budget runs out.
     */
    public boolean budgetLeft(Blob where) {
        if (exhausted(where)) {
            return false;
        }
        if (!budget.bytesSpent()) {
            return true;
        }
        budgetSpent(where);
        return false;
    }

    private void budgetSpent(Blob where) {
        if (!incomplete.contains(Incomplete.DECODE_BUDGET)) {
            incomplete(where, Incomplete.DECODE_BUDGET, "limit hit: " + limits.maxTotalDecoded()
                    + " decoded bytes in total (failed and oversized streams count too); the rest is not decoded"
                    + " (raise --max-total)");
        }
    }

    /**
     * A stream was refused for its size: against the remaining budget when that was the smaller
     * cap (the budget is closed for it), against the ratio cap (a plain warning: the size is not
     * believed, and no flag would help), else against {@code --max-stream} (incomplete).
     */
    public void refused(Blob where, long offset, long inputBytes, String message) {
        int perStream = limits.streamCap(inputBytes);
        if (streamCap(inputBytes) < perStream) {
            budget.close();
            budgetSpent(where);
            warn(where, FirmwareCode.STREAM_REFUSED, offset, message);
        } else if (perStream < limits.maxStream()) {
            warn(where, FirmwareCode.LIMIT_RATIO, offset, "limit hit: " + message + " (more than " + limits.maxRatio()
                    + ":1 from the compressed size is not believed)");
        } else {
            incomplete(where, offset, Incomplete.STREAM_LIMIT, "limit hit: " + message + " (raise --max-stream)");
        }
    }

    /** Records {@code bytes} of decoder output against the total budget, whatever became of them. */
    public void decoded(long bytes) {
        budget.charge(bytes);
    }

    public long decodedBytes() {
        return budget.used();
    }

    public List<SeenContainer> seen() {
        return seen;
    }

    public List<LocatedFinding> findings() {
        return findings;
    }
}
