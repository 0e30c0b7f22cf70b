package io.github.vbios.acpi;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints an AML table as ASL in the style of {@code iasl -d} (ASL+ operators). It decodes the
 * bytes, so the {@code .dsl} beside a generated {@code .aml} shows what the table really holds.
 * It understands the vocabulary of {@link Aml}; anything else ends the listing with a comment and
 * a finding, never an exception.
 */
public final class AslPrinter {
    /** The listing and what the printer noticed (bad checksum, undecodable bytes). */
    public record Listing(String text, List<Finding> findings) {
    }

    private static final int MAX_DEPTH = 64;
    private static final String[] ACCESS = {"AnyAcc", "ByteAcc", "WordAcc", "DWordAcc", "QWordAcc", "BufferAcc"};
    private static final String[] UPDATE = {"Preserve", "WriteAsOnes", "WriteAsZeros"};
    private static final String[] SPACES = {"SystemMemory", "SystemIO", "PCI_Config", "EmbeddedControl", "SMBus",
        "SystemCMOS", "PciBarTarget", "IPMI", "GeneralPurposeIo", "GenericSerialBus", "PCC"};

    private final AmlCursor in;
    private final StringBuilder out = new StringBuilder();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> arity = new HashMap<>();
    private final AslExpressions expr;
    private int depth;
    /** Current scope, innermost last, as absolute paths ({@code \} is the root). */
    private final ArrayDeque<String> scopes = new ArrayDeque<>(List.of("\\"));
    /** Absolute paths of the objects this table has defined so far. */
    private final Set<String> defined = new HashSet<>();
    /** Absolute names used before (or without) a definition in this table, with their External type. */
    private final Map<String, String> externals = new LinkedHashMap<>();
    /** Names ACPI predefines: never declared External. */
    private static final Set<String> PREDEFINED = Set.of("\\", "\\_SB", "\\_GPE", "\\_PR",
            "\\_TZ", "\\_SI", "\\_GL", "\\_OSI", "\\_OS", "\\_REV");

    private AslPrinter(byte[] aml, Map<String, Integer> externalArity) {
        this.in = new AmlCursor(aml, TableHeader.LENGTH);
        this.arity.putAll(externalArity);
        this.expr = new AslExpressions(in, this);
    }

    /** Prints a whole table (header and body). */
    public static Listing print(byte[] table) {
        return print(table, Map.of());
    }

    /**
     * Prints a whole table; {@code externalArity} gives the argument counts of methods defined in
     * other tables (a call's arguments can only be found when the callee's arity is known).
     */
    public static Listing print(byte[] table, Map<String, Integer> externalArity) {
        AslPrinter p = new AslPrinter(table, externalArity);
        if (table.length < TableHeader.LENGTH) {
            p.findings.add(Finding.error(AcpiCode.TABLE_TOO_SHORT, 0, "table is " + table.length
                    + " bytes, shorter than its 36-byte header"));
            return new Listing("/* not an ACPI table: " + table.length + " bytes */\n", p.findings);
        }
        p.header(table);
        return new Listing(p.out.toString(), List.copyOf(p.findings));
    }

    private void header(byte[] t) {
        ByteSlice s = ByteSlice.of(t);
        long length = s.u32(4);
        int sum = AcpiTable.sum(t);
        out.append("/*\n * vbios ASL listing of an AML table (the same ASL that iasl -d prints)\n *\n")
                .append(" * Original Table Header:\n")
                .append(String.format(Locale.ROOT, " *     Signature        \"%s\"%n", s.asciiz(0, 4)))
                .append(String.format(Locale.ROOT, " *     Length           0x%08X (%d)%n", length, length))
                .append(String.format(Locale.ROOT, " *     Revision         0x%02X%n", s.u8(8)))
                .append(String.format(Locale.ROOT, " *     Checksum         0x%02X%s%n", s.u8(9),
                        sum == 0 ? "" : " **** Incorrect checksum, should be 0x"
                                + String.format("%02X", (s.u8(9) - sum) & 0xFF)))
                .append(String.format(Locale.ROOT, " *     OEM ID           \"%s\"%n", s.asciiz(10, 6)))
                .append(String.format(Locale.ROOT, " *     OEM Table ID     \"%s\"%n", s.asciiz(16, 8)))
                .append(String.format(Locale.ROOT, " *     OEM Revision     0x%08X (%d)%n", s.u32(24), s.u32(24)))
                .append(String.format(Locale.ROOT, " *     Compiler ID      \"%s\"%n", s.asciiz(28, 4)))
                .append(String.format(Locale.ROOT, " *     Compiler Version 0x%08X (%d)%n", s.u32(32), s.u32(32)))
                .append(" */\n");
        if (sum != 0) {
            findings.add(Finding.warning(AcpiCode.CHECKSUM_INVALID, 9, "incorrect table checksum"));
        }
        if (length != t.length) {
            findings.add(Finding.warning(AcpiCode.LENGTH_MISMATCH, 4, "header length " + length + " differs from the "
                    + t.length + " bytes given"));
        }
        out.append(String.format(Locale.ROOT, "DefinitionBlock (\"\", \"%s\", %d, \"%s\", \"%s\", 0x%08X)%n{%n",
                s.asciiz(0, 4), s.u8(8), s.asciiz(10, 6), s.asciiz(16, 8), s.u32(24)));
        int end = (int) Math.min(length, t.length);
        int bodyStart = out.length();
        try {
            termList(end, 1);
        } catch (AmlCursor.Malformed e) {
            int at = e.offset;
            findings.add(Finding.error(AcpiCode.AML_UNDECODABLE, at, "cannot decode AML: " + e.getMessage()));
            out.append(String.format(Locale.ROOT, "    /* listing stops at 0x%X: %s */%n", at, e.getMessage()));
        }
        out.insert(bodyStart, externals());
        out.append("}\n");
    }

    /**
     * External declarations for the names the table uses but defines later or not at all (the GPU
     * node and its bridges, data objects of other tables), as iasl -d prints them: without them
     * iasl refuses the listing ("Illegal forward reference", "Object does not exist").
     */
    private String externals() {
        if (externals.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        externals.forEach((n, type) -> b.append(indent(1)).append("External (").append(n).append(", ").append(type)
                .append(")\n"));
        return b.append('\n').toString();
    }

    /** The absolute path {@code name} denotes in the current scope (search rules aside). */
    String resolve(String name) {
        if (name.startsWith("\\")) {
            return name;
        }
        String scope = scopes.peekLast();
        String n = name;
        while (n.startsWith("^")) {
            n = n.substring(1);
            int dot = scope.lastIndexOf('.');
            scope = dot > 0 ? scope.substring(0, dot) : "\\";
        }
        return scope.equals("\\") ? "\\" + n : scope + "." + n;
    }

    private static String parentOf(String abs) {
        int dot = abs.lastIndexOf('.');
        return dot > 0 ? abs.substring(0, dot) : "\\";
    }

    /** Records a use of {@code name}: absolute names not defined yet become External declarations. */
    void reference(String name, String type) {
        if (!name.startsWith("\\") || name.equals("\\")) {
            return;
        }
        if (!defined.contains(name) && !PREDEFINED.contains(name)) {
            externals.merge(name, type, (old, now) -> old.equals("UnknownObj") ? now : old);
        }
    }

    /** Records a definition; its parent must exist, so an undefined parent is referenced as a device. */
    private String define(String name, String type) {
        String abs = resolve(name);
        String parent = parentOf(abs);
        if (!defined.contains(parent)) {
            reference(parent, "DeviceObj");
        }
        if (externals.containsKey(abs) && type.equals("DeviceObj")) {
            externals.put(abs, type);
        }
        defined.add(abs);
        return abs;
    }

    private static String indent(int level) {
        return "    ".repeat(level);
    }

    private void line(int level, String text) {
        for (String l : text.split("\n", -1)) {
            out.append(indent(level)).append(l).append('\n');
        }
    }

    void recordMethod(String name, int argc) {
        arity.put(name, argc);
    }

    Integer arityOf(String name) {
        return arity.get(name);
    }

    /** Statements until {@code end}; a blank line follows each block that is not the last statement. */
    void termList(int end, int level) {
        if (++depth > MAX_DEPTH) {
            throw in.fail("nesting deeper than " + MAX_DEPTH);
        }
        while (in.pos < end) {
            boolean block = statement(end, level);
            if (block && in.pos < end) {
                out.append('\n');
            }
        }
        depth--;
    }

    /** One statement; returns true when it was a block with braces. */
    private boolean statement(int end, int level) {
        int op = in.peek(end);
        int ext = op == 0x5B ? in.peekAt(1, end) : -1;
        if (op == 0x08) {
            in.pos++;
            String n = expr.name(end);
            define(n, "UnknownObj");
            line(level, "Name (" + n + ", " + expr.nameValue(n, end) + ")");
            return false;
        }
        if (op == 0x10 || ext == 0x82) {
            block(end, level, op == 0x10 ? "Scope" : "Device", op != 0x10);
            return true;
        }
        if (op == 0x14) {
            method(end, level);
            return true;
        }
        if (op == 0xA0 || op == 0xA2) {
            conditional(end, level, op == 0xA0);
            return true;
        }
        if (ext == 0x80) {
            operationRegion(end, level);
            return false;
        }
        if (ext == 0x81) {
            field(end, level);
            return true;
        }
        line(level, expr.statement(end));
        return false;
    }

    /** If (with an optional Else) or While. */
    private void conditional(int end, int level, boolean isIf) {
        in.pos++;
        int pkgEnd = in.pkgEnd(end);
        String pred = expr.termArg(pkgEnd);
        open(level, (isIf ? "If (" : "While (") + pred + ")");
        termList(pkgEnd, level + 1);
        line(level, "}");
        if (isIf && in.pos < end && in.peek(end) == 0xA1) {
            in.pos++;
            int elseEnd = in.pkgEnd(end);
            open(level, "Else");
            termList(elseEnd, level + 1);
            line(level, "}");
        }
    }

    private void operationRegion(int end, int level) {
        in.pos += 2;
        String n = expr.name(end);
        define(n, "OpRegionObj");
        int space = in.u8(end);
        String sp = space < SPACES.length ? SPACES[space] : String.format("0x%02X", space);
        line(level, "OperationRegion (" + n + ", " + sp + ", " + expr.termArg(end) + ", " + expr.termArg(end) + ")");
    }

    private void open(int level, String head) {
        line(level, head);
        line(level, "{");
    }

    private void block(int end, int level, String keyword, boolean extOp) {
        in.pos += extOp ? 2 : 1;
        int pkgEnd = in.pkgEnd(end);
        String n = expr.name(pkgEnd);
        String abs;
        if (extOp) {
            abs = define(n, "DeviceObj");
        } else {
            abs = resolve(n);
            if (!defined.contains(abs)) {
                reference(abs, "DeviceObj");
            }
        }
        open(level, keyword + " (" + n + ")");
        scopes.addLast(abs);
        termList(pkgEnd, level + 1);
        scopes.removeLast();
        line(level, "}");
    }

    private void method(int end, int level) {
        in.pos++;
        int pkgEnd = in.pkgEnd(end);
        String n = expr.name(pkgEnd);
        int flags = in.u8(pkgEnd);
        recordMethod(AslExpressions.lastSegment(n), flags & 7);
        String abs = define(n, "MethodObj");
        String head = "Method (" + n + ", " + (flags & 7) + ", " + ((flags & 8) != 0 ? "Serialized" : "NotSerialized")
                + ((flags >> 4) != 0 ? ", " + (flags >> 4) : "") + ")";
        open(level, head);
        scopes.addLast(abs);
        termList(pkgEnd, level + 1);
        scopes.removeLast();
        line(level, "}");
    }

    private void field(int end, int level) {
        in.pos += 2;
        int pkgEnd = in.pkgEnd(end);
        String region = expr.name(pkgEnd);
        int flags = in.u8(pkgEnd);
        int access = flags & 0x0F;
        int update = (flags >> 5) & 3;
        open(level, "Field (" + region + ", " + (access < ACCESS.length ? ACCESS[access] : "AnyAcc") + ", "
                + ((flags & 0x10) != 0 ? "Lock" : "NoLock") + ", " + (update < UPDATE.length ? UPDATE[update]
                : "Preserve") + ")");
        long bit = 0;
        List<String> units = new ArrayList<>();
        while (in.pos < pkgEnd) {
            if (in.peek(pkgEnd) == 0x00) {
                in.pos++;
                bit += in.fieldWidth(pkgEnd);
                units.add(String.format(Locale.ROOT, "Offset (0x%02X)", bit / 8));
            } else {
                String seg = in.nameSeg(pkgEnd);
                define(AslExpressions.trimSeg(seg), "FieldUnitObj");
                int width = in.fieldWidth(pkgEnd);
                bit += width;
                units.add(AslExpressions.trimSeg(seg) + ",   " + width);
            }
        }
        for (int i = 0; i < units.size(); i++) {
            line(level + 1, units.get(i) + (i + 1 < units.size() ? ", " : ""));
        }
        line(level, "}");
    }
}
