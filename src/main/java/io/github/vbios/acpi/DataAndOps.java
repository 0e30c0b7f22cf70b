package io.github.vbios.acpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Data objects (integers, strings, buffers, packages) and the remaining operators for {@link AslExpressions}. */
final class DataAndOps {
    private DataAndOps() {
    }

    static String render(AslExpressions x, AmlCursor in, int op, int end) {
        switch (op) {
            case 0x00:
                in.pos++;
                return "Zero";
            case 0x01:
                in.pos++;
                return "One";
            case 0xFF:
                in.pos++;
                return "Ones";
            case 0x0A:
            case 0x0B:
            case 0x0C:
            case 0x0E:
                return integer(in, op, end);
            case 0x0D:
                in.pos++;
                return "\"" + in.asciiz(end) + "\"";
            case 0x11:
                return buffer(x, in, end);
            case 0x12:
                return pkg(x, in, end);
            case 0x5B:
                return extended(x, in, end);
            default:
                return operator(x, in, op, end);
        }
    }

    /** Unary and n-ary operators other than the arithmetic/logic ones of {@link AslExpressions}. */
    private static String operator(AslExpressions x, AmlCursor in, int op, int end) {
        in.pos++;
        switch (op) {
            case 0x92:
                return not(x, in, end);
            case 0x75:
            case 0x76:
                return x.superName(end) + (op == 0x75 ? "++" : "--");
            case 0x87:
                return "SizeOf (" + x.superName(end) + ")";
            case 0x83:
                return "DerefOf (" + x.termArg(end) + ")";
            case 0x71:
                return "RefOf (" + x.superName(end) + ")";
            case 0x73:
                return withTarget(x, end, "Concatenate (" + x.termArg(end) + ", " + x.termArg(end));
            case 0x9E:
                return withTarget(x, end, "Mid (" + x.termArg(end) + ", " + x.termArg(end) + ", " + x.termArg(end));
            case 0x9C:
                return withTarget(x, end, "ToString (" + x.termArg(end) + ", " + x.termArg(end));
            case 0x96:
                return withTarget(x, end, "ToBuffer (" + x.termArg(end));
            case 0x98:
                return withTarget(x, end, "ToHexString (" + x.termArg(end));
            case 0x99:
                return withTarget(x, end, "ToInteger (" + x.termArg(end));
            case 0x88: {
                String e = x.termArg(end) + " [" + x.termArg(end) + "]";
                String t = x.superName(end);
                return t.isEmpty() ? e : t + " = " + e;
            }
            case 0x70: {
                String src = x.termArg(end);
                return x.superName(end) + " = " + src;
            }
            default:
                in.pos--;
                throw in.fail(String.format(Locale.ROOT, "opcode 0x%02X is not in vbios's AML vocabulary", op));
        }
    }

    private static String extended(AslExpressions x, AmlCursor in, int end) {
        int ext = in.peekAt(1, end);
        if (ext == 0x12) {
            in.pos += 2;
            String n = x.superName(end);
            String t = x.superName(end);
            return "CondRefOf (" + n + (t.isEmpty() ? "" : ", " + t) + ")";
        }
        if (ext == 0x23) {
            in.pos += 2;
            String m = x.superName(end);
            return "Acquire (" + m + ", " + String.format(Locale.ROOT, "0x%04X", in.uN(2, end)) + ")";
        }
        if (ext == 0x27) {
            in.pos += 2;
            return "Release (" + x.superName(end) + ")";
        }
        if (ext == 0x31) {
            in.pos += 2;
            return "Debug";
        }
        if (ext == 0x33) {
            in.pos += 2;
            return "Timer";
        }
        throw in.fail(String.format(Locale.ROOT, "opcode 0x5B 0x%02X is not in vbios's AML vocabulary", ext));
    }

    private static String withTarget(AslExpressions x, int end, String head) {
        String t = x.superName(end);
        return t.isEmpty() ? head + ")" : head + ", " + t + ")";
    }

    /** LNot of a comparison prints as the inverse operator, as iasl does. */
    private static String not(AslExpressions x, AmlCursor in, int end) {
        int inner = in.peek(end);
        String inv = inner == 0x93 ? "!=" : inner == 0x94 ? "<=" : inner == 0x95 ? ">=" : null;
        if (inv != null) {
            in.pos++;
            return "(" + x.termArg(end) + " " + inv + " " + x.termArg(end) + ")";
        }
        return "!" + x.termArg(end);
    }

    static String integer(AmlCursor in, int op, int end) {
        in.pos++;
        return switch (op) {
            case 0x0A -> String.format(Locale.ROOT, "0x%02X", in.uN(1, end));
            case 0x0B -> String.format(Locale.ROOT, "0x%04X", in.uN(2, end));
            case 0x0C -> String.format(Locale.ROOT, "0x%08X", in.uN(4, end));
            default -> String.format(Locale.ROOT, "0x%016X", in.uN(8, end));
        };
    }

    private static String buffer(AslExpressions x, AmlCursor in, int end) {
        in.pos++;
        int pkgEnd = x.pkgEnd(end);
        String size = x.termArg(pkgEnd);
        int start = in.pos;
        in.pos = pkgEnd;
        byte[] data = in.bytes(start, pkgEnd);
        StringBuilder b = new StringBuilder("Buffer (").append(size).append(")\n{\n");
        for (int i = 0; i < data.length; i += 8) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int k = i; k < Math.min(data.length, i + 8); k++) {
                int v = data[k] & 0xFF;
                hex.append(String.format(Locale.ROOT, "0x%02X", v)).append(k + 1 < data.length ? ", " : "");
                ascii.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
            }
            String where = data.length > 8 ? String.format(Locale.ROOT, "/* %04X */  ", i) : " ";
            b.append("    ").append(where).append(String.format(Locale.ROOT, "%-48s", hex)).append("  // ")
                    .append(ascii).append('\n');
        }
        return b.append('}').toString();
    }

    private static String pkg(AslExpressions x, AmlCursor in, int end) {
        in.pos++;
        int pkgEnd = x.pkgEnd(end);
        int count = in.u8(pkgEnd);
        List<String> elements = new ArrayList<>();
        while (in.pos < pkgEnd) {
            elements.add(x.termArg(pkgEnd));
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Package (0x%02X)\n{\n", count));
        for (int i = 0; i < elements.size(); i++) {
            b.append("    ").append(elements.get(i).replace("\n", "\n    "))
                    .append(i + 1 < elements.size() ? ", " : "").append('\n');
        }
        return b.append('}').toString();
    }
}
