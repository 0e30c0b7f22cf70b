package io.github.vbios.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Exit statuses (DESIGN.md section 2), shown in every command's --help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int NOT_FOUND = 4;
    public static final int PERMISSION = 5;
    public static final int HOST_NOT_CAPABLE = 6;
    public static final int OUTPUT_IO = 7;
    /** The input could not be fully examined (limits, deadline, heap, unopenable container). */
    public static final int INCOMPLETE = 8;

    /** The exit-status table every command's --help ends with. */
    public static Map<String, String> helpTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "ok");
        m.put("1", "internal error (a bug: please report it)");
        m.put("2", "usage error (bad option, output exists without --force)");
        m.put("3", "invalid or unsupported input");
        m.put("4", "nothing found");
        m.put("5", "needs root / permission denied");
        m.put("6", "host not capable");
        m.put("7", "output not written (disk full, I/O error); the previous files are left as they were");
        m.put("8", "incomplete: the input could not be fully examined");
        return m;
    }

    private ExitCodes() {
    }
}
