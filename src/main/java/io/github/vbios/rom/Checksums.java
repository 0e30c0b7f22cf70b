package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.nvidia.Npde;
import java.util.Arrays;

/** The x86 checksum ranges of rom-format.md 1.10. */
public final class Checksums {
    public static final int NVIDIA = 0x10DE;

    private Checksums() {
    }

    static X86Checksum of(ByteSlice file, RomImage image) {
        long off = image.offset();
        long byte2 = image.x86Header().map(X86Header::initSize).orElse(0L);
        long pcir = image.pcirLength();
        long npde = image.npde().filter(Npde::honoured).map(Npde::subImageLength).orElse(-1L);
        int[] sums = prefixSums(file, off, byte2, pcir, Math.max(npde, 0));
        int s2 = sums[0] < 0 && byte2 > 0 ? inParent(file, off, byte2) : sums[0];
        int sp = sums[1];
        int sn = npde < 0 ? -1 : sums[2];
        boolean nvidia = image.vendorId() == NVIDIA;
        // NVIDIA's own tools keep the PCIR-length range at zero; SeaBIOS sums byte 2 blocks (1.10)
        String rule = nvidia ? "pcirLength" : "byte2";
        boolean valid = nvidia ? sp == 0 : s2 == 0;
        if (!nvidia && s2 < 0 && sp == 0 && pcir < byte2) {
            // byte 2 claims more than the PCIR length and those bytes are not here at all (a
            // romfile cut to its PCI view): the PCIR length is the range that can be judged
            rule = "pcirLength";
            valid = true;
        }
        boolean seabios = s2 == 0 && byte2 > 0;
        return new X86Checksum(off, byte2, s2, pcir, sp, npde, sn, rule, valid, seabios);
    }

    /**
     * The sum of {@code [off, off+len)} where that range runs past {@code view} but not past the
     * buffer the view was cut from (issue 15: a Realtek PXE ROM in a CSM volume has byte 2 = 0x68
     * blocks, PCIR length 0x66; the carved PCI view ends at the PCIR length, the checksum over byte
     * 2's range is zero only in the volume). -1 when the buffer ends first.
     */
    static int inParent(ByteSlice view, long off, long len) {
        return view.sum8InParent(off, len);
    }

    /**
     * {@link #sum} of {@code [off, off+lens[i])} for each i. The ranges share their start, so the
     * shortest is summed first and each longer one only adds its extra bytes: every byte once.
     */
    static int[] prefixSums(ByteSlice file, long off, long... lens) {
        Integer[] order = new Integer[lens.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(lens[a], lens[b]));
        int[] out = new int[lens.length];
        int acc = 0;
        long done = 0;
        for (int i : order) {
            long len = lens[i];
            if (len <= 0 || !file.contains(off, len)) {
                out[i] = -1;
                continue;
            }
            acc = (acc + file.sum8(off + done, len - done)) & 0xFF;
            done = len;
            out[i] = acc;
        }
        return out;
    }

    /** 8-bit sum of {@code [off, off+len)}, or -1 when the range is empty or runs past the end. */
    public static int sum(ByteSlice file, long off, long len) {
        if (len <= 0 || !file.contains(off, len)) {
            return -1;
        }
        return file.sum8(off, len);
    }
}
