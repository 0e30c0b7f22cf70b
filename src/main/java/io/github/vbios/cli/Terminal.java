package io.github.vbios.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Whether the user is at a terminal (progress lines are for people, not for pipes). Up to JDK 21
 * {@link System#console()} is null unless both standard streams are a terminal; from JDK 22 it
 * may return a console for redirected streams too, and {@code Console.isTerminal()} (JDK 22) tells.
 * The code targets Java 17, so that method is looked up at run time.
 */
final class Terminal {
    private static final Optional<Method> IS_TERMINAL = isTerminal();

    private Terminal() {
    }

    @SuppressWarnings("SystemConsoleNull") // the null test is for JDK 17-21; isTerminal() answers on 22+
    static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        if (IS_TERMINAL.isEmpty()) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
        try {
            return Boolean.TRUE.equals(IS_TERMINAL.get().invoke(c));
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Optional<Method> isTerminal() {
        try {
            return Optional.of(Console.class.getMethod("isTerminal"));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
