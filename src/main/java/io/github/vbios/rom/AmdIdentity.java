package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutOfBoundsException;
import java.util.Optional;

/**
 * AMD ATOM BIOS identity (rom-format.md 1.2, 1.11; AMDGPU atom.c).
 *
 * @param atomOffset absolute offset of the ATOM ROM header (u16 at 0x48), or -1
 * @param partNumber first string of the string block (may be empty)
 * @param name the board name after the strings and CR LF
 * @param date 14-char build date at 0x50
 * @param version text after "ATOMBIOSBK-AMD VER"
 */
public record AmdIdentity(long atomOffset, String partNumber, String name, String date, String version) {
    private static final int MAX_STRINGS = 32;

    static AmdIdentity read(ByteSlice file, long x86, long length) {
        ByteSlice image = file.clamp(x86, length);
        try {
            long atom = image.u16(0x48);
            boolean hasAtom = image.matchesAscii(atom + 4, "ATOM");
            String date = image.contains(0x50, 14) ? printable(image.asciiz(0x50, 14)).orElse(null) : null;
            int count = image.u8(0x2F);
            long str = image.u16(0x6E);
            String part = count > 0 ? printable(image.asciiz(str, 64)).orElse(null) : null;
            long p = str;
            for (int i = 0; i < Math.min(count, MAX_STRINGS) && p < image.length(); i++) {
                p += image.asciiz(p, 256).length() + 1;
            }
            while (p < image.length() && (image.u8(p) == '\r' || image.u8(p) == '\n')) {
                p++;
            }
            String name = count > 0 ? printable(image.asciiz(p, 128)).orElse(null) : null;
            int ver = image.indexOfAscii("ATOMBIOSBK-AMD VER", 0);
            String version = ver < 0 ? null : printable(image.asciiz(ver + 18, 32)).orElse(null);
            return new AmdIdentity(hasAtom ? x86 + atom : -1, part, name, date, version);
        } catch (OutOfBoundsException e) {
            return new AmdIdentity(-1, null, null, null, null);
        }
    }

    /** The trimmed text; empty when it is blank or holds a non-printable character. */
    private static Optional<String> printable(String s) {
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return Optional.empty();
            }
        }
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
}
