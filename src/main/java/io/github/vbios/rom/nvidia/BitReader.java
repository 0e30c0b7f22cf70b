package io.github.vbios.rom.nvidia;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutOfBoundsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds and decodes the BIOS Information Table of an NVIDIA x86 image (rom-format.md 1.11). */
public final class BitReader {
    private static final byte[] BIT_ID = {(byte) 0xFF, (byte) 0xB8, 'B', 'I', 'T', 0};
    private static final int MAX_TOKENS = 64;

    private BitReader() {
    }

    /**
     * Reads the identity of the x86 image at {@code x86Offset} whose NVIDIA size is {@code x86Size}.
     * {@code firstE0Offset} is the first 0xE0 image of the NVIDIA view, or -1 (no rebasing possible).
     */
    public static NvidiaIdentity read(ByteSlice file, long x86Offset, long x86Size, long searchLength,
                                      long firstE0Offset, String headerDate, List<Finding> findings) {
        ByteSlice image = file.clamp(x86Offset, searchLength);
        int at = image.indexOf(BIT_ID, 0);
        // pointers past the x86 image's NVIDIA size are relative to the first E0 image (NV-base nvbios_addr)
        long rebase = firstE0Offset >= 0 ? firstE0Offset - x86Offset - x86Size : 0;
        if (at < 0) {
            findings.add(Finding.warning(NvidiaCode.BIT_MISSING,
                    x86Offset, "no BIT (FF B8 \"BIT\") in the NVIDIA x86 image"));
            return new NvidiaIdentity(-1, false, List.of(), null, null, null, headerDate, null, null, null, null,
                    null, null, null, rebase);
        }
        try {
            return decode(file, x86Offset, x86Size, x86Offset + at, rebase, headerDate, findings);
        } catch (OutOfBoundsException e) {
            findings.add(Finding.warning(NvidiaCode.BIT_TRUNCATED, x86Offset + at, "BIT truncated: " + e.getMessage()));
            return new NvidiaIdentity(x86Offset + at, false, List.of(), null, null, null, headerDate, null, null,
                    null, null, null, null, null, rebase);
        }
    }

    private static NvidiaIdentity decode(ByteSlice file, long x86, long x86Size, long bit, long rebase,
                                         String headerDate, List<Finding> findings) {
        int headerSize = file.u8(bit + 8);
        int tokenSize = file.u8(bit + 9);
        int count = Math.min(file.u8(bit + 10), MAX_TOKENS);
        boolean checksum = headerSize > 0 && Math.floorMod(file.sum8(bit, headerSize), 256) == 0;
        if (!checksum) {
            findings.add(Finding.warning(NvidiaCode.BIT_CHECKSUM_INVALID, bit, "BIT header checksum is not zero"));
        }
        List<BitToken> tokens = new ArrayList<>();
        for (int i = 0; i < count && tokenSize >= 6; i++) {
            long t = bit + headerSize + (long) i * tokenSize;
            int ptr = file.u16(t + 4);
            tokens.add(new BitToken(file.u8(t), file.u8(t + 1), file.u16(t + 2), ptr, address(x86, x86Size, rebase, ptr)));
        }
        Optional<BitToken> b = find(tokens, 'B');
        Optional<BitToken> info = find(tokens, 'i');
        // the identity record keeps what is absent as null (JSON null)
        String version = b.flatMap(t -> versionAt(file, t.absoluteOffset())).orElse(null);
        String infoVersion = info.flatMap(t -> versionAt(file, t.absoluteOffset())).orElse(null);
        String date = info.flatMap(t -> dateAt(file, t.absoluteOffset() + 0x0F)).orElse(null);
        String[] s = find(tokens, 'S').map(t -> strings(file, x86, x86Size, rebase, t)).orElseGet(() -> new String[7]);
        return new NvidiaIdentity(bit, checksum, tokens, version, infoVersion, date, headerDate,
                s[0], s[1], s[2], s[3], s[4], s[5], s[6], rebase);
    }

    static long address(long x86, long x86Size, long rebase, int ptr) {
        return ptr >= x86Size ? x86 + ptr + rebase : x86 + ptr;
    }

    private static Optional<BitToken> find(List<BitToken> tokens, char id) {
        return tokens.stream().filter(t -> t.id() == id && t.pointer() != 0).findFirst();
    }

    /** Bytes [3],[2],[1],[0],[4] as %02X.%02X.%02X.%02X.%02X (rom-format.md 1.11). */
    static Optional<String> versionAt(ByteSlice file, long off) {
        if (!file.contains(off, 5)) {
            return Optional.empty();
        }
        return Optional.of(Hex.upper(file.u8(off + 3), 2) + "." + Hex.upper(file.u8(off + 2), 2) + "."
                + Hex.upper(file.u8(off + 1), 2) + "." + Hex.upper(file.u8(off), 2) + "." + Hex.upper(file.u8(off + 4), 2));
    }

    private static Optional<String> dateAt(ByteSlice file, long off) {
        String d = file.contains(off, 8) ? file.asciiz(off, 8) : "";
        return Hex.digitsLike(d, "99/99/99") ? Optional.of(d) : Optional.empty();
    }

    /**
     * Token 'S': v2 = 8 x {u16 ptr, u8 max}; v1 lacks version and copyright (BITDOC), the order of
     * the remaining v1 entries (sign-on, OEM string, vendor, product, revision) is assumed.
     */
    private static String[] strings(ByteSlice file, long x86, long x86Size, long rebase, BitToken s) {
        String[] out = new String[7];
        int[] slots = s.dataVersion() >= 2 ? new int[] {0, 1, 2, 3, 4, 5, 6} : new int[] {0, 3, 4, 5, 6};
        for (int i = 0; i < slots.length && (i + 1) * 3 <= s.dataSize(); i++) {
            long entry = s.absoluteOffset() + i * 3L;
            if (!file.contains(entry, 3)) {
                break;
            }
            int ptr = file.u16(entry);
            int max = file.u8(entry + 2);
            if (ptr != 0) {
                out[slots[i]] = clean(file.asciiz(address(x86, x86Size, rebase, ptr), Math.max(max, 1)));
            }
        }
        return out;
    }

    private static String clean(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : ' ');
        }
        return sb.toString().strip();
    }
}
