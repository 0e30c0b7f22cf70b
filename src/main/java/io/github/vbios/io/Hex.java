package io.github.vbios.io;

import java.util.Locale;

/** Hex formatting in the forms users know from lspci and hexdump. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** A PCI ID as lspci prints it: 4 lowercase hex digits. */
    public static String id16(int value) {
        return digits(value & 0xFFFF, 4);
    }

    /**
     * {@code value} (unsigned) in lowercase hex, zero-padded to at least {@code width} digits:
     * {@code String.format("%0Nx")} without the format parser, which per-field output in batches
     * would otherwise run millions of times.
     */
    public static String digits(long value, int width) {
        String s = Long.toHexString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** As {@link #digits} with uppercase letters ({@code %0NX}). */
    public static String upper(long value, int width) {
        return digits(value, width).toUpperCase(Locale.ROOT);
    }

    /** An offset as {@code 0x4600}. */
    public static String offset(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /**
     * True when {@code s} is {@code pattern} with each {@code 9} standing for one ASCII digit
     * (e.g. {@code 99/99/99} for an MM/DD/YY date); a regular expression would be compiled per call.
     */
    public static boolean digitsLike(String s, String pattern) {
        if (s == null || s.length() != pattern.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char p = pattern.charAt(i);
            char c = s.charAt(i);
            if (p == '9' ? c < '0' || c > '9' : c != p) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code 10de}, {@code 0x10DE}; throws {@link NumberFormatException} otherwise. */
    public static int parseId16(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 4) {
            throw new NumberFormatException("not a 16-bit hex ID: " + text);
        }
        return Integer.parseInt(t, 16);
    }

    /** Parses a hex string with optional spaces into bytes. */
    public static byte[] parse(String hex) {
        String t = hex.replaceAll("\\s+", "");
        if (t.length() % 2 != 0) {
            throw new NumberFormatException("odd number of hex digits");
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
