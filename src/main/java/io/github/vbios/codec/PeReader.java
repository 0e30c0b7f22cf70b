package io.github.vbios.codec;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutOfBoundsException;

/**
 * Reads the header of an MZ/PE32/PE32+ or TE image: enough to tell what an EFI driver is for
 * (rom-format.md 1.3: machine, subsystem, SizeOfImage). Offsets from the PE/COFF specification.
 */
public final class PeReader {
    private static final int PE_SIGNATURE = 0x00004550; // "PE\0\0"
    private static final int MAGIC_PE32 = 0x10B;
    private static final int MAGIC_PE32_PLUS = 0x20B;
    private static final int COFF_HEADER_SIZE = 20;
    private static final int TE_HEADER_SIZE = 40;
    private static final int SECTION_HEADER_SIZE = 40;

    private PeReader() {
    }

    public static PeHeader read(ByteSlice image) throws CodecException {
        try {
            if (image.matchesAscii(0, "MZ")) {
                return readPe(image);
            }
            if (image.matchesAscii(0, "VZ")) {
                return readTe(image);
            }
        } catch (OutOfBoundsException e) {
            throw new CodecException("PE image truncated: " + e.getMessage(), e);
        }
        throw new CodecException("not a PE or TE image: expected 'MZ' or 'VZ' at offset 0, found "
                + (image.length() < 2 ? image.length() + " bytes" : String.format("%02X %02X", image.u8(0), image.u8(1))));
    }

    private static PeHeader readPe(ByteSlice image) throws CodecException {
        long lfanew = image.u32(0x3C);
        if (lfanew < 0x40 || lfanew > image.length() - 4L) {
            throw new CodecException(String.format("MZ header at offset 0 points to a PE header at 0x%X (e_lfanew at 0x3C),"
                    + " outside the %d-byte image", lfanew, image.length()));
        }
        if (image.s32(lfanew) != PE_SIGNATURE) {
            throw new CodecException(String.format("no 'PE\\0\\0' signature at offset 0x%X (from e_lfanew)", lfanew));
        }
        long coff = lfanew + 4;
        int machine = image.u16(coff);
        int sections = image.u16(coff + 2);
        int optSize = image.u16(coff + 16);
        long opt = coff + COFF_HEADER_SIZE;
        if (optSize < 72) {
            throw new CodecException(String.format("PE optional header at 0x%X is %d bytes, too small to hold "
                    + "SizeOfImage and Subsystem", opt, optSize));
        }
        int magic = image.u16(opt);
        if (magic != MAGIC_PE32 && magic != MAGIC_PE32_PLUS) {
            throw new CodecException(String.format("PE optional header magic at 0x%X is 0x%X, expected 0x10B (PE32) "
                    + "or 0x20B (PE32+)", opt, magic));
        }
        // SizeOfImage (+56) and Subsystem (+68) sit at the same offsets in PE32 and PE32+.
        return new PeHeader(machine, image.u16(opt + 68), image.u32(opt + 56), magic == MAGIC_PE32_PLUS, false, sections);
    }

    private static PeHeader readTe(ByteSlice image) throws CodecException {
        int machine = image.u16(2);
        int sections = image.u8(4);
        int subsystem = image.u8(5);
        int stripped = image.u16(6);
        if (stripped < TE_HEADER_SIZE) {
            throw new CodecException(String.format("TE header StrippedSize 0x%X at offset 6 is smaller than the "
                    + "40-byte TE header that replaced the stripped bytes", stripped));
        }
        // TE keeps no SizeOfImage: take the end of the last section (addresses are those of the original PE).
        long size = 0;
        for (int i = 0; i < sections; i++) {
            long sh = TE_HEADER_SIZE + (long) i * SECTION_HEADER_SIZE;
            long end = image.u32(sh + 12) + Math.max(image.u32(sh + 8), image.u32(sh + 16));
            size = Math.max(size, end);
        }
        return new PeHeader(machine, subsystem, size, false, true, sections);
    }
}
