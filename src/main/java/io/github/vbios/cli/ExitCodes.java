package io.github.vbios.cli;

import io.github.vbios.io.VbiosException.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses as the ints picocli's callables return. The numbers, names and meanings are
 * defined once, in {@link Kind}; these are only their names on the command line's side.
 */
public final class ExitCodes {
    public static final int OK = Kind.OK.exitCode();
    public static final int INTERNAL = Kind.INTERNAL.exitCode();
    public static final int USAGE = Kind.USAGE.exitCode();
    public static final int INVALID_INPUT = Kind.INVALID_INPUT.exitCode();
    public static final int NOT_FOUND = Kind.NOT_FOUND.exitCode();
    public static final int PERMISSION = Kind.PERMISSION.exitCode();
    public static final int HOST_NOT_CAPABLE = Kind.HOST_NOT_CAPABLE.exitCode();
    public static final int OUTPUT_IO = Kind.OUTPUT_IO.exitCode();
    /** The input could not be fully examined (limits, deadline, heap, unopenable container). */
    public static final int INCOMPLETE = Kind.INCOMPLETE.exitCode();

    /** The exit-status table every command's --help ends with, made from {@link Kind}. */
    public static Map<String, String> helpTable() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            m.put(Integer.toString(k.exitCode()), k.label() + ": " + k.meaning());
        }
        return m;
    }

    private ExitCodes() {
    }
}
