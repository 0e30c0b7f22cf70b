package io.github.vbios.rom.patch;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.Checksums;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.SafeByte;
import io.github.vbios.rom.X86Checksum;
import io.github.vbios.rom.X86Header;
import io.github.vbios.rom.nvidia.Npde;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recomputes x86 checksums (rom-format.md 1.10). NVIDIA images: every sub-block inside the x86
 * image's PCIR length (the x86 part up to its NPDE length, each E0 image, the NBSI image) is made
 * zero-sum with one compensation byte of its own, so all three ranges (byte 2, PCIR length, NPDE
 * length) are zero again, as in original ROMs; one global byte 6 would leave the NPDE range and,
 * on Pascal, the SeaBIOS range wrong. Other vendors: the byte-2 range SeaBIOS checks.
 */
public final class ChecksumFixer {
    private ChecksumFixer() {
    }

    /** One byte changed to make {@code [blockStart, blockStart+blockLength)} sum to zero; offsets in the romfile. */
    public record Fix(long imageOffset, long blockStart, long blockLength, int sumBefore, long byteOffset, int oldValue,
                      int newValue, String why) {
    }

    /**
     * @param bytes the fixed romfile
     * @param before the checksum ranges of every x86 image before
     * @param after the same ranges after fixing
     * @param remarks things worth knowing about what was fixed, each with its {@code RomCode} (info)
     * @param problems ranges that could not be fixed, and why, each with its {@code RomCode} (warning)
     */
    // the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
    @SuppressWarnings("ArrayRecordComponent")
    public record Result(byte[] bytes, List<X86Checksum> before, List<X86Checksum> after, List<Fix> fixes,
                         List<Finding> remarks, List<Finding> problems) {
        public Result {
            before = List.copyOf(before);
            after = List.copyOf(after);
            fixes = List.copyOf(fixes);
            remarks = List.copyOf(remarks);
            problems = List.copyOf(problems);
        }

        /** The sentences of {@link #remarks}, for the user (patch text, JSON {@code checksums.notes}). */
        public List<String> notes() {
            return Finding.messages(remarks);
        }

        /** The sentences of {@link #problems}, for the user (patch text, JSON {@code checksums.problems}). */
        public List<String> reasons() {
            return Finding.messages(problems);
        }

        /** Every x86 image's deciding range sums to 0 and SeaBIOS accepts it. */
        public boolean allValid() {
            return problems.isEmpty() && after.stream().allMatch(c -> c.valid() && c.seabiosAccepts());
        }
    }

    /** Fixes a copy of {@code rom}; never throws on malformed input (unfixable ranges become problems). */
    public static Result fix(byte[] rom) {
        byte[] out = rom.clone();
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(out));
        List<Fix> fixes = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (RomImage x86 : a.pciImages()) {
            if (!x86.isX86()) {
                continue;
            }
            if (x86.vendorId() == Checksums.NVIDIA) {
                fixNvidia(out, a, x86, fixes, notes, problems);
            } else {
                fixOther(out, x86, fixes, problems);
            }
        }
        RomAnalysis after = RomAnalyzer.analyze(ByteSlice.of(out));
        List<X86Checksum> afterSums = pciChecksums(after);
        if (problems.isEmpty()) {
            // A changed byte can, on a damaged ROM, change how the chain parses (a new signature, another
            // length); then the blocks fixed above are not the ranges the result is judged by. Say so.
            afterSums.stream().filter(c -> !c.valid()).forEach(c -> problems.add(Finding.warning(
                    RomCode.CHECKSUM_FIX_PARSE_CHANGED, c.imageOffset(), "x86 image at " + Hex.offset(c.imageOffset())
                    + ": the " + c.rule() + " range still does not sum to zero after fixing (the ROM parses differently "
                    + "once fixed); not fixed")));
        }
        return new Result(out, pciChecksums(a), afterSums, fixes, notes, problems);
    }

    static List<X86Checksum> pciChecksums(RomAnalysis a) {
        return a.pciImages().stream().filter(RomImage::isX86).map(i -> i.x86Checksum().orElse(null))
                .filter(Objects::nonNull).toList();
    }

    private static void fixNvidia(byte[] rom, RomAnalysis a, RomImage x86, List<Fix> fixes, List<Finding> notes,
                                  List<Finding> problems) {
        long start = x86.offset();
        long end = start + x86.pcirLength();
        if (!ByteSlice.of(rom).contains(start, x86.pcirLength()) || x86.pcirLength() == 0) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_RANGE_INVALID, start, "x86 image at " + Hex.offset(start)
                    + ": PCIR length runs past the end; not fixed"));
            return;
        }
        NavigableSet<Long> bounds = new TreeSet<>(List.of(start, end));
        long nvEnd = Math.min(end, start + x86.nvidiaLength());
        if (nvEnd > start) {
            bounds.add(nvEnd);
        }
        for (RomImage i : a.nvidiaImages()) {
            if (i.offset() > start && i.offset() < end) {
                bounds.add(i.offset());
            }
        }
        Long prev = null;
        for (long b : bounds) {
            if (prev != null) {
                // also blocks whose NPDE says "checksum disabled" (flag 0x04): they are still inside the PCIR and
                // byte-2 ranges that NVIDIA's rule and SeaBIOS sum
                RomImage owner = imageAt(a, prev);
                if (owner != null && owner.npde().filter(Npde::honoured).map(Npde::checksumDisabled).orElse(false)) {
                    notes.add(Finding.info(RomCode.NPDE_CHECKSUM_DISABLED, prev, "block at " + Hex.offset(prev)
                            + ": its NPDE says checksum disabled; kept zero-sum anyway because the x86 ranges include it"));
                }
                fixBlock(rom, start, prev, b, null, fixes, problems);
            }
            prev = b;
        }
        fixSeabiosRange(rom, x86, bounds, fixes, problems);
    }

    /**
     * All sub-blocks are zero-sum now, so the byte-2 range is zero when it ends on a block boundary (every
     * corpus ROM). When it ends inside a block, one safe byte before its end and the block's own sum byte
     * after it take equal and opposite changes: both the block and the byte-2 range end up zero.
     */
    private static void fixSeabiosRange(byte[] rom, RomImage x86, NavigableSet<Long> bounds, List<Fix> fixes,
                                        List<Finding> problems) {
        long start = x86.offset();
        long b2 = x86.x86Header().map(X86Header::initSize).orElse(0L);
        if (b2 <= 0 || !ByteSlice.of(rom).contains(start, b2)) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_RANGE_INVALID, start, "x86 image at " + Hex.offset(start)
                    + ": byte 2 range (" + b2 + " bytes) is empty or runs past the end; SeaBIOS would reject it"));
            return;
        }
        int sum = ByteSlice.of(rom).sum8(start, b2);
        long b2End = start + b2;
        if (sum == 0 || bounds.contains(b2End)) {
            return;
        }
        Long blockStart = bounds.lower(b2End);
        Long blockEnd = bounds.higher(b2End);
        if (blockStart == null || blockEnd == null) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_OUTSIDE_PCIR, start, "x86 image at " + Hex.offset(start)
                    + ": byte 2 range ends outside the PCIR length; not fixed"));
            return;
        }
        Optional<SafeByte> inside = SafeByte.find(rom, blockStart, b2End, false);
        Optional<SafeByte> outside = SafeByte.find(rom, b2End, blockEnd, true);
        if (inside.isEmpty() || outside.isEmpty()) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_NO_SAFE_BYTE, start, "x86 image at " + Hex.offset(start)
                    + ": byte 2 range ends inside the block at " + Hex.offset(blockStart)
                    + " and no padding byte is free on both sides; SeaBIOS range not fixed"));
            return;
        }
        apply(rom, start, blockStart, b2End - blockStart, sum, inside.get(), -sum, fixes);
        apply(rom, start, b2End, blockEnd - b2End, 0, outside.get(), sum, fixes);
    }

    private static void fixOther(byte[] rom, RomImage x86, List<Fix> fixes, List<Finding> problems) {
        long start = x86.offset();
        long b2 = x86.x86Header().map(X86Header::initSize).orElse(0L);
        if (b2 <= 0 || !ByteSlice.of(rom).contains(start, b2)) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_RANGE_INVALID, start, "x86 image at " + Hex.offset(start)
                    + ": byte 2 range (" + b2 + " bytes) is empty or runs past the end; not fixed"));
            return;
        }
        fixBlock(rom, start, start, start + b2, SafeByte.headerByte(rom, x86), fixes, problems);
        long pcirEnd = start + x86.pcirLength();
        if (pcirEnd > start + b2 && ByteSlice.of(rom).contains(start, x86.pcirLength())) {
            // a PCIR length beyond byte 2 (Linux/OVMF size) gets its own zero-sum tail block
            fixBlock(rom, start, start + b2, pcirEnd, null, fixes, problems);
        }
    }

    /** Makes {@code [from, to)} sum to zero with {@code chosen}, or with a padding byte when null. */
    private static void fixBlock(byte[] rom, long image, long from, long to, SafeByte chosen, List<Fix> fixes,
                                 List<Finding> problems) {
        int sum = ByteSlice.of(rom).sum8(from, to - from);
        if (sum == 0) {
            return;
        }
        Optional<SafeByte> b = chosen != null ? Optional.of(chosen) : SafeByte.find(rom, from, to, true);
        if (b.isEmpty()) {
            problems.add(Finding.warning(RomCode.CHECKSUM_FIX_NO_SAFE_BYTE, from, "block " + Hex.offset(from) + "-"
                    + Hex.offset(to) + " sums to 0x" + Integer.toHexString(sum)
                    + " and has no padding byte that is safe to change; not fixed"));
            return;
        }
        apply(rom, image, from, to - from, sum, b.get(), -sum, fixes);
    }

    private static void apply(byte[] rom, long image, long from, long length, int sum, SafeByte b, int delta,
                              List<Fix> fixes) {
        int old = rom[(int) b.offset()] & 0xFF;
        rom[(int) b.offset()] = (byte) (old + delta);
        fixes.add(new Fix(image, from, length, sum, b.offset(), old, rom[(int) b.offset()] & 0xFF, b.why()));
    }

    private static RomImage imageAt(RomAnalysis a, long off) {
        return a.allImages().stream().filter(i -> i.offset() == off).findFirst().orElse(null);
    }
}
