package io.github.vbios.guest;

import java.util.ArrayList;
import java.util.List;

/** Splits a POSIX shell command line (single and double quotes, backslashes) into words. */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                for (i++; line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    w.append(line.charAt(i));
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) != '\n') {
                    w.append(line.charAt(i + 1));
                    inWord = true;
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
