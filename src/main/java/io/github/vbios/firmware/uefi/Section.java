package io.github.vbios.firmware.uefi;

import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * EFI_COMMON_SECTION_HEADER (firmware.md 2.7): 3-byte size and a type; in FFSv3 volumes a size
 * of 0xFFFFFF means a u32 extended size follows (8-byte header).
 */
public record Section(int type, long size, int headerSize) {
    public static final int COMPRESSION = 0x01;
    public static final int GUID_DEFINED = 0x02;
    public static final int DISPOSABLE = 0x03;
    public static final int PE32 = 0x10;
    public static final int PIC = 0x11;
    public static final int TE = 0x12;
    public static final int DXE_DEPEX = 0x13;
    public static final int VERSION = 0x14;
    public static final int USER_INTERFACE = 0x15;
    public static final int COMPATIBILITY16 = 0x16;
    public static final int FV_IMAGE = 0x17;
    public static final int FREEFORM_SUBTYPE_GUID = 0x18;
    public static final int RAW = 0x19;
    public static final int PEI_DEPEX = 0x1B;
    public static final int MM_DEPEX = 0x1C;

    /** Reads a header at {@code off}; empty when there is no room for one. */
    static Optional<Section> read(ByteSlice d, int off, boolean ffsV3) {
        if (!d.contains(off, 4)) {
            return Optional.empty();
        }
        long size = d.u24(off);
        int type = d.u8(off + 3);
        if (ffsV3 && size == 0xFFFFFF) {
            if (!d.contains(off, 8)) {
                return Optional.empty();
            }
            return Optional.of(new Section(type, d.u32(off + 4), 8));
        }
        return Optional.of(new Section(type, size, 4));
    }

    static boolean knownType(int type) {
        return (type >= 0x01 && type <= 0x03) || (type >= 0x10 && type <= 0x19) || type == 0x1B || type == 0x1C
                || type == 0x20 || type == 0xF0;
    }

    /**
     * True when {@code d} is a plausible section stream: every header has a known type and a size
     * that fits, and the last section ends within alignment padding of the end. Used to choose
     * between EFI 1.1 and Tiano output and to check unknown GUID-defined bodies (firmware.md 2.8).
     */
    public static boolean looksLikeStream(ByteSlice d, boolean ffsV3) {
        int off = 0;
        int count = 0;
        while (off < d.length()) {
            off = (off + 3) & ~3;
            if (off >= d.length() - 3) {
                break;
            }
            Optional<Section> header = read(d, off, ffsV3);
            if (header.isEmpty()) {
                return false;
            }
            Section s = header.get();
            if (!knownType(s.type()) || s.size() < s.headerSize() || !d.contains(off, s.size())) {
                return false;
            }
            off += (int) s.size();
            count++;
        }
        return count > 0 && (d.length() - off) < 4;
    }

    public String typeName() {
        return switch (type) {
            case COMPRESSION -> "compression";
            case GUID_DEFINED -> "GUID-defined";
            case DISPOSABLE -> "disposable";
            case PE32 -> "PE32";
            case PIC -> "PIC";
            case TE -> "TE";
            case DXE_DEPEX -> "DXE dependency";
            case VERSION -> "version";
            case USER_INTERFACE -> "user interface";
            case COMPATIBILITY16 -> "compatibility16";
            case FV_IMAGE -> "volume image";
            case FREEFORM_SUBTYPE_GUID -> "freeform subtype GUID";
            case RAW -> "raw";
            case PEI_DEPEX -> "PEI dependency";
            case MM_DEPEX -> "MM dependency";
            case 0x20 -> "Insyde postcode";
            case 0xF0 -> "Phoenix postcode";
            default -> "unknown";
        };
    }
}
