package io.github.vbios.io;

/**
 * Makes text from the outside world (sysfs names, driver links, file names) safe to print on a
 * terminal: control characters, C1 controls and the bidirectional overrides would otherwise let a
 * crafted name recolour the screen, move the cursor or hide part of a suggested command (issue
 * 12.10). They become visible escapes ({@code \e}, {@code \x9b}, {@code \u202e}); other text is
 * unchanged.
 */
public final class SafeText {
    private SafeText() {
    }

    /** {@code text} with every unsafe character escaped; null stays null. */
    public static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(SafeText::unsafe)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                b.appendCodePoint(c);
            } else if (c == 0x1B) {
                b.append("\\e");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c <= 0xFF) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append(String.format("\\u%04x", c));
            }
        });
        return b.toString();
    }

    /** C0 and C1 controls, DEL, and the Unicode bidi embedding/override/isolate marks. */
    static boolean unsafe(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
