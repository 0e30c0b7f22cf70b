package io.github.vbios.plan;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.RomImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one candidate differs from an earlier one with the same vendor:device (issue 15: two
 * ROMs with identical IDs and version that differ in 16 bytes must be told apart). Offsets are
 * romfile offsets; nearby differing bytes are merged into one range.
 *
 * @param number the candidate described
 * @param twin   the earlier candidate it is compared with
 * @param bytes  how many bytes differ within the common length
 * @param twinSize  the earlier candidate's size
 * @param size  this candidate's size
 * @param ranges up to {@link #MAX_RANGES} ranges of differing bytes, in order
 */
public record CandidateDiff(int number, int twin, long bytes, long twinSize, long size, List<Range> ranges) {
    /** Differing bytes closer than this are reported as one range. */
    static final int MERGE_GAP = 16;
    static final int MAX_RANGES = 8;

    /** Bytes [start, end) and the image of the ROM they lie in ("x86 image at 0x0"). */
    public record Range(long start, long end, String image) {
        @Override
        public String toString() {
            return Hex.offset(start) + "-" + Hex.offset(end - 1) + " (" + image + ")";
        }
    }

    public CandidateDiff {
        ranges = List.copyOf(ranges);
    }

    /** For each candidate after the first of its vendor:device, how it differs from that first one. */
    public static List<CandidateDiff> among(List<OptimusCandidate> candidates) {
        List<CandidateDiff> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            OptimusCandidate c = candidates.get(i);
            for (int j = 0; j < i; j++) {
                if (candidates.get(j).ids().equals(c.ids())) {
                    out.add(of(candidates.get(j), c));
                    break;
                }
            }
        }
        return out;
    }

    static CandidateDiff of(OptimusCandidate first, OptimusCandidate other) {
        ByteSlice a = first.rom().pciView();
        ByteSlice b = other.rom().pciView();
        int common = Math.min(a.length(), b.length());
        long count = 0;
        List<Range> ranges = new ArrayList<>();
        long start = -1;
        long last = -1;
        for (int i = 0; i < common; i++) {
            if (a.u8(i) == b.u8(i)) {
                continue;
            }
            count++;
            if (start >= 0 && i - last > MERGE_GAP) {
                add(ranges, other, start, last + 1);
                start = -1;
            }
            if (start < 0) {
                start = i;
            }
            last = i;
        }
        if (start >= 0) {
            add(ranges, other, start, last + 1);
        }
        return new CandidateDiff(other.number(), first.number(), count, a.length(), b.length(), ranges);
    }

    private static void add(List<Range> ranges, OptimusCandidate c, long start, long end) {
        if (ranges.size() < MAX_RANGES) {
            ranges.add(new Range(start, end, imageAt(c, start)));
        }
    }

    private static String imageAt(OptimusCandidate c, long offset) {
        String name = "outside the images";
        long viewStart = c.rom().analysis().pciView().start();
        for (RomImage img : c.rom().analysis().pciImages()) {
            long at = img.offset() - viewStart;
            if (offset >= at && offset < at + img.pcirLength()) {
                name = img.codeTypeName() + " image at " + Hex.offset(at);
            }
        }
        return name;
    }

    /** "2 differs from 1 in 16 bytes: 0x7A10-0x7A1F (x86 image at 0x0)" */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(number).append(" differs from ").append(twin).append(" in ").append(bytes).append(" byte")
                .append(bytes == 1 ? "" : "s");
        if (twinSize != size) {
            s.append(String.format(Locale.ROOT, " of the first %d, and in size (%d vs %d bytes)",
                    Math.min(twinSize, size), size, twinSize));
        }
        if (!ranges.isEmpty()) {
            s.append(": ").append(String.join(", ", ranges.stream().map(Range::toString).toList()));
            if (ranges.size() == MAX_RANGES) {
                s.append(", ...");
            }
        }
        return s.toString();
    }
}
