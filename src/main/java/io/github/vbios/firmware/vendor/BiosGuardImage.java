package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Joins BIOS Guard block data back into the flash region they were cut from (Dell PFS with
 * BIOS Guard, firmware.md 3). Blocks are ordered by flash offset, then by flash address (two
 * blocks may share an offset in different flash parts, e.g. 0xFF040000 and 0xFFA40000), then by
 * their order in the file; gaps between them are erased flash (0xFF), as BIOSUtilities fills them.
 */
final class BiosGuardImage {
    /** One block's data and where it goes. */
    record Piece(long offset, long address, int order, ByteSlice data) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    private long dataBytes;

    void add(long offset, long address, ByteSlice data) {
        pieces.add(new Piece(offset, address, pieces.size(), data));
        dataBytes += data.length();
    }

    /**
     * The joined region within the walk's output limits, counted against the decoding budget; empty
     * when there is nothing to join, no budget is left, or the join would exceed the limit (then a
     * finding at {@code at} says that {@code what} did not fit).
     */
    Optional<ByteSlice> joinWithin(Blob parent, Walk walk, long at, String what) {
        if (pieces.isEmpty() || !walk.budgetLeft(parent)) {
            return Optional.empty();
        }
        Optional<byte[]> joined = join(walk.streamCap(dataBytes));
        if (joined.isEmpty()) {
            walk.finding(parent, Finding.warning(FirmwareCode.BIOS_GUARD_NOT_JOINED,
                    at, what + " place data beyond the output limit; not joined"));
            return Optional.empty();
        }
        walk.decoded(joined.get().length);
        return Optional.of(ByteSlice.of(joined.get()));
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    int blocks() {
        return pieces.size();
    }

    /** The joined region; empty when it would exceed {@code cap} bytes (lying offsets). */
    Optional<byte[]> join(int cap) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingLong(Piece::offset).thenComparingLong(Piece::address)
                .thenComparingInt(Piece::order));
        long size = 0;
        for (Piece p : sorted) {
            if (p.offset() < 0) {
                return Optional.empty();
            }
            size = Math.max(size, p.offset()) + p.data().length();
            if (size > cap) {
                return Optional.empty();
            }
        }
        byte[] out = new byte[(int) size];
        int at = 0;
        for (Piece p : sorted) {
            if (p.offset() > at) {
                Arrays.fill(out, at, (int) p.offset(), (byte) 0xFF);
                at = (int) p.offset();
            }
            ByteSlice d = p.data();
            d.copyTo(out, at);
            at += d.length();
        }
        return Optional.of(out);
    }
}
