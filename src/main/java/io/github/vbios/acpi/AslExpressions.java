package io.github.vbios.acpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The expression half of {@link AslPrinter}: names, data objects, operators, method calls. */
final class AslExpressions {
    private static final Map<Integer, String> BINARY = Map.of(0x72, "+", 0x74, "-", 0x77, "*", 0x79, "<<",
            0x7A, ">>", 0x7B, "&", 0x7D, "|", 0x7F, "^", 0x85, "%");
    private static final Map<Integer, String> LOGIC = Map.of(0x90, "&&", 0x91, "||", 0x93, "==", 0x94, ">",
            0x95, "<");
    private static final int MAX_DEPTH = 64;

    private final AmlCursor in;
    private final AslPrinter printer;
    private int depth;

    AslExpressions(AmlCursor in, AslPrinter printer) {
        this.in = in;
        this.printer = printer;
    }

    static String trimSeg(String seg) {
        return AcpiPath.trim(seg);
    }

    static String lastSegment(String name) {
        String n = name.replaceAll("^[\\\\^]+", "");
        int dot = n.lastIndexOf('.');
        String seg = dot >= 0 ? n.substring(dot + 1) : n;
        return (seg + "____").substring(0, 4); // a NullName (empty) pads to "____" too
    }

    /** A NameString as iasl prints it: prefixes, segments without padding, joined by dots. */
    String name(int end) {
        StringBuilder b = new StringBuilder();
        while (in.peek(end) == '\\' || in.peek(end) == '^') {
            b.append((char) in.u8(end));
        }
        int c = in.peek(end);
        int count;
        if (c == 0x00) {
            in.pos++;
            return b.toString();
        } else if (c == 0x2E) {
            in.pos++;
            count = 2;
        } else if (c == 0x2F) {
            in.pos++;
            count = in.u8(end);
        } else {
            count = 1;
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(trimSeg(in.nameSeg(end)));
        }
        return b.toString();
    }

    static boolean startsName(int b) {
        return b == '\\' || b == '^' || b == 0x2E || b == 0x2F || b == '_' || (b >= 'A' && b <= 'Z');
    }

    /** The value of {@code Name (n, value)}; {@code _HID}/{@code _CID} DWords print as EisaId like iasl. */
    String nameValue(String n, int end) {
        String seg = lastSegment(n);
        if ((seg.equals("_HID") || seg.equals("_CID")) && in.peek(end) == 0x0C) {
            int start = in.pos;
            in.pos++;
            Optional<String> eisa = eisaId(in.uN(4, end));
            if (eisa.isPresent()) {
                return "EisaId (\"" + eisa.get() + "\")";
            }
            in.pos = start;
        }
        return termArg(end);
    }

    static Optional<String> eisaId(long dword) {
        long v = Long.reverseBytes(dword) >>> 32;
        char a = (char) (((v >> 26) & 0x1F) + 0x40);
        char b = (char) (((v >> 21) & 0x1F) + 0x40);
        char c = (char) (((v >> 16) & 0x1F) + 0x40);
        if ((v >> 31) != 0 || a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || c < 'A' || c > 'Z') {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%c%c%c%04X", a, b, c, v & 0xFFFF));
    }

    /** A statement that is not a block: Store, Return, Break, CopyObject, calls and other expressions. */
    String statement(int end) {
        int op = in.peek(end);
        switch (op) {
            case 0x70 -> {
                in.pos++;
                String src = termArg(end);
                return superName(end) + " = " + src;
            }
            case 0xA4 -> {
                in.pos++;
                return "Return (" + termArg(end) + ")";
            }
            case 0xA5 -> {
                in.pos++;
                return "Break";
            }
            case 0x9D -> {
                in.pos++;
                String src = termArg(end);
                return "CopyObject (" + src + ", " + superName(end) + ")";
            }
            case 0x78 -> {
                in.pos++;
                return "Divide (" + termArg(end) + ", " + termArg(end) + ", " + superName(end) + ", "
                        + superName(end) + ")";
            }
            default -> {
                return termArg(end);
            }
        }
    }

    /** A target or other SuperName: Local, Arg, Debug, a name, Index/DerefOf, or nothing. */
    String superName(int end) {
        int op = in.peek(end);
        if (op == 0x00) {
            in.pos++;
            return "";
        }
        if (op == 0x5B && in.peekAt(1, end) == 0x31) {
            in.pos += 2;
            return "Debug";
        }
        if (startsName(op)) {
            String n = name(end);
            printer.reference(n, "UnknownObj");
            return n;
        }
        return termArg(end);
    }

    /** One TermArg. */
    String termArg(int end) {
        if (++depth > MAX_DEPTH) {
            throw in.fail("expression nesting deeper than " + MAX_DEPTH);
        }
        try {
            return termArgInner(end);
        } finally {
            depth--;
        }
    }

    private String termArgInner(int end) {
        int op = in.peek(end);
        if (op >= 0x60 && op <= 0x67) {
            in.pos++;
            return "Local" + (op - 0x60);
        }
        if (op >= 0x68 && op <= 0x6E) {
            in.pos++;
            return "Arg" + (op - 0x68);
        }
        if (startsName(op)) {
            return nameOrCall(end);
        }
        if (BINARY.containsKey(op)) {
            in.pos++;
            String a = termArg(end);
            String b = termArg(end);
            String t = superName(end);
            String e = "(" + a + " " + BINARY.get(op) + " " + b + ")";
            if (t.equals(a) && !t.isEmpty()) {
                return t + " " + BINARY.get(op) + "= " + b; // iasl's compound form: target is the first operand
            }
            return t.isEmpty() ? e : t + " = " + e;
        }
        if (LOGIC.containsKey(op)) {
            in.pos++;
            return "(" + termArg(end) + " " + LOGIC.get(op) + " " + termArg(end) + ")";
        }
        return DataAndOps.render(this, in, op, end);
    }

    private String nameOrCall(int end) {
        String n = name(end);
        Integer argc = printer.arityOf(lastSegment(n));
        printer.reference(n, argc == null ? "UnknownObj" : "MethodObj");
        if (argc == null) {
            return n;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < argc; i++) {
            args.add(termArg(end));
        }
        return n + " (" + String.join(", ", args) + ")";
    }

    /** Package length handling for Buffer / Package. */
    int pkgEnd(int end) {
        return in.pkgEnd(end);
    }
}
