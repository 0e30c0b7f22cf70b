package io.github.vbios.firmware.uefi;

import io.github.vbios.codec.CodecException;
import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Codecs;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;

/**
 * LZMA-alone streams lying loose in raw areas (firmware.md 8.2 step 6, 2.11): coreboot CBFS
 * stores option ROMs as {@code pci%04x,%04x.rom} LZMA files, and vendor blobs outside volumes do
 * the same. A candidate is the default properties byte 0x5D (lc 3, lp 0, pb 2, what every
 * common encoder writes), a power-of-two dictionary of 4 KiB..64 MiB, and a known uncompressed
 * size of 512 bytes..4 MiB (cbfstool and EDK2 write the size). At most 8 guesses per area and
 * {@link Walk#MAX_GUESSES} per extraction are decoded. Candidates are guesses: one that does not
 * decode is skipped silently, and only a few are tried per area.
 */
final class LzmaCarver {
    private static final byte[] PROPS_AND_DICT_LOW = {0x5D, 0x00};
    private static final int HEADER = 13;
    private static final int MAX_ATTEMPTS = 8;
    /** Smaller outputs cannot hold an option ROM (512 bytes at least). */
    private static final int MIN_OUTPUT = 512;
    /** Option ROMs (and the CBFS files holding them) are far smaller; bigger claims are not worth a guess. */
    private static final long MAX_GUESS_OUTPUT = 4L << 20;

    private LzmaCarver() {
    }

    /** Explores what each plausible stream in {@code area} decodes to. */
    static void scan(Blob area, Walk walk) {
        ByteSlice d = area.data();
        int attempts = 0;
        for (int p = d.indexOf(PROPS_AND_DICT_LOW, 0); p >= 0 && attempts < MAX_ATTEMPTS;
                p = d.indexOf(PROPS_AND_DICT_LOW, p + 1)) {
            if (!plausible(d, p, walk)) {
                continue;
            }
            attempts++;
            if (!walk.guessLeft() || !walk.budgetLeft(area)) {
                return;
            }
            try {
                byte[] out = Codecs.lzma(d.from(p), walk.streamCap(d.length() - p));
                walk.decoded(out.length);
                if (out.length >= MIN_OUTPUT) {
                    walk.seen(area, "lzma stream", p, -1, null, out.length + " bytes, carved");
                    walk.explore(area.child(ByteSlice.of(out), "LZMA@" + Hex.offset(p)));
                }
            } catch (CodecException e) {
                // a guess that was not an LZMA stream; the bytes it decoded still count
                walk.decoded(e.produced());
            }
        }
    }

    private static boolean plausible(ByteSlice d, int p, Walk walk) {
        if (!d.contains(p, HEADER + 5)) {
            return false;
        }
        long dict = d.u32(p + 1);
        if (Long.bitCount(dict) != 1 || dict < (1 << 12) || dict > (1 << 26)) {
            return false;
        }
        // a known size only: an unknown one (all ones) would let a false guess decode garbage up to the cap
        long size = d.u64(p + 5);
        return size >= MIN_OUTPUT && size <= Math.min(MAX_GUESS_OUTPUT, walk.streamCap(d.length() - p));
    }
}
