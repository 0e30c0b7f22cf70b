package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;

/** NBSI image header fields (rom-format.md 1.7): 0x16 u16 offset to NBSI data, 0x1A u32 block size. */
public record NbsiHeader(int dataOffset, long blockSize) {
    static NbsiHeader parse(ByteSlice file, long off) {
        return new NbsiHeader(file.u16(off + 0x16), file.contains(off + 0x1A, 4) ? file.u32(off + 0x1A) : 0);
    }
}
