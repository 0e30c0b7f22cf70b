package io.github.vbios.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The jar's entry point (Main-Class). {@code vbios --version} is answered here without building
 * the picocli command tree: building it parses the annotations of every command through
 * reflection and dynamic proxies, which is most of the start-up time of a short run. Everything
 * else goes to {@link Main}, whose {@code --version} prints the same text ({@link VersionProvider#text}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (isVersionOnly(args)) {
            PrintStream out = System.out;
            out.println(VersionProvider.text(args.length == 2));
            out.flush();
            System.exit(out.checkError() ? ExitCodes.INTERNAL : ExitCodes.OK);
        }
        Main.main(args);
    }

    /** {@code --version} / {@code -V}, optionally with {@code --json}, and nothing else. */
    static boolean isVersionOnly(String[] args) {
        if (args.length == 1) {
            return args[0].equals("--version") || args[0].equals("-V");
        }
        return args.length == 2 && Arrays.asList(args).contains("--json")
                && (Arrays.asList(args).contains("--version") || Arrays.asList(args).contains("-V"));
    }
}
