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
        return String.format(Locale.ROOT, "%04x", value & 0xFFFF);
    }

    /** An offset as {@code 0x4600}. */
    public static String offset(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
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
