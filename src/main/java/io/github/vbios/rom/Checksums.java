package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.nvidia.Npde;

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
        int s2 = sum(file, off, byte2);
        int sp = sum(file, off, pcir);
        int sn = npde < 0 ? -1 : sum(file, off, npde);
        boolean nvidia = image.vendorId() == NVIDIA;
        // NVIDIA's own tools keep the PCIR-length range at zero; SeaBIOS sums byte 2 blocks (1.10)
        String rule = nvidia ? "pcirLength" : "byte2";
        boolean valid = nvidia ? sp == 0 : s2 == 0;
        boolean seabios = s2 == 0 && byte2 > 0;
        return new X86Checksum(off, byte2, s2, pcir, sp, npde, sn, rule, valid, seabios);
    }

    /** 8-bit sum of {@code [off, off+len)}, or -1 when the range is empty or runs past the end. */
    public static int sum(ByteSlice file, long off, long len) {
        if (len <= 0 || !file.contains(off, len)) {
            return -1;
        }
        return file.sum8(off, len);
    }
}
