package io.github.vbios.rom.nvidia;

import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * NVIDIA PCI Data Extension (rom-format.md 1.6).
 *
 * @param offset absolute offset of the "NPDE" signature
 * @param revision 0x0100 or 0x0101
 * @param length structure length (0x0C, 0x10 or 0x14 seen)
 * @param subImageLengthBlocks NVIDIA size of the image in 512-byte blocks
 * @param lastImage byte 0x0A (bit 7 = last in the NVIDIA chain); only meaningful when length &gt; 0x0A
 * @param flags byte 0x0B (bit 2 = checksum disabled)
 * @param extra u32 at 0x0C when length &gt;= 0x10: the GOP version on EFI images
 * @param extra2 u32 at 0x10 when length &gt;= 0x14 (opaque)
 */
public record Npde(long offset, int revision, int length, int subImageLengthBlocks, int lastImage, int flags,
                   Long extra, Long extra2) {
    public static final int FLAG_CHECKSUM_DISABLED = 0x04;

    /** Probes for an NPDE at {@code off} (already aligned by the caller); empty when absent or unreadable. */
    public static Optional<Npde> probe(ByteSlice file, long off) {
        if (!file.matchesAscii(off, "NPDE") || !file.contains(off, 0x0C)) {
            return Optional.empty();
        }
        int length = file.u16(off + 6);
        Long extra = length >= 0x10 && file.contains(off + 0x0C, 4) ? file.u32(off + 0x0C) : null;
        Long extra2 = length >= 0x14 && file.contains(off + 0x10, 4) ? file.u32(off + 0x10) : null;
        return Optional.of(new Npde(off, file.u16(off + 4), length, file.u16(off + 8), file.u8(off + 0x0A),
                file.u8(off + 0x0B), extra, extra2));
    }

    /** Only revisions 1.0 and 1.1 are honoured by NVIDIA's driver (rom-format.md 1.9.3). */
    public boolean honoured() {
        return revision == 0x0100 || revision == 0x0101;
    }

    public long subImageLength() {
        return subImageLengthBlocks * 512L;
    }

    public boolean hasLastFlag() {
        return length > 0x0A;
    }

    public boolean last() {
        return (lastImage & 0x80) != 0;
    }

    public boolean checksumDisabled() {
        return (flags & FLAG_CHECKSUM_DISABLED) != 0;
    }

    public String revisionText() {
        return (revision >> 8) + "." + (revision & 0xFF);
    }
}
