package io.github.vbios.cli;

import io.github.vbios.io.VbiosException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point: builds the picocli tree and maps every failure to a sentence and an exit status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new StdoutWriter(System.out),
                new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit status (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = newCommandLine(out, err, verb(args).orElse(null));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    /**
     * The heap ran out outside the bounded walk (reading or rendering a very large input): that
     * is "incomplete", never "nothing found" and never a stack trace (issue 12.4).
     */
    static int outOfMemory(PrintWriter err) {
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        err.println("vbios: out of memory (Java heap " + heap + " MiB): the input could not be fully examined;"
                + " run with a larger heap, e.g. VBIOS_JAVA_OPTS=-Xmx" + Math.max(2, 2 * (heap + 1023) / 1024) + "g");
        err.flush();
        return ExitCodes.INCOMPLETE;
    }

    /** The whole command tree (help, completion, documentation). */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, null);
    }

    /**
     * The verb a command line runs when only that one needs building: the first argument that is
     * not an option, if it names a verb other than {@code completion} (which prints the whole tree).
     */
    static Optional<String> verb(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return VbiosCommand.SUBCOMMANDS.containsKey(a) && !a.equals("completion") ? Optional.of(a) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The tree with only {@code verb} below the root, or every verb when it is null. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String verb) {
        CommandLine cl = new CommandLine(new VbiosCommand());
        VbiosCommand.addVerbs(cl.getCommandSpec(), verb);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are written as lines of up to ~100 columns; picocli's default of 80 would
        // re-wrap them mid-sentence. Wider terminals still get the wider layout.
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpAutoWidth(true);
        addExitCodeHelp(cl.getCommandSpec());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("vbios: " + ex.getMessage());
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static void addExitCodeHelp(CommandSpec spec) {
        spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(ExitCodes.helpTable());
        spec.subcommands().values().forEach(sub -> addExitCodeHelp(sub.getCommandSpec()));
    }

    /** Turns an exception into one or two lines for the user; a stack trace only with VBIOS_DEBUG=1. */
    static int report(Exception ex, PrintWriter err) {
        int code;
        String message;
        if (ex instanceof VbiosException ve) {
            code = ve.exitCode();
            message = ve.getMessage();
        } else if (ex instanceof NoSuchFileException nf) {
            code = ExitCodes.INVALID_INPUT;
            message = nf.getFile() + ": no such file";
        } else if (ex instanceof AccessDeniedException ad) {
            code = ExitCodes.PERMISSION;
            message = ad.getFile() + ": permission denied";
        } else if (ex instanceof FileAlreadyExistsException fe) {
            code = ExitCodes.USAGE;
            message = fe.getFile() + " already exists; pass --force to overwrite it";
        } else if (ex instanceof IOException io) {
            code = ExitCodes.INVALID_INPUT;
            message = "I/O error: " + io.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "). Please report it with the input that caused it; VBIOS_DEBUG=1 shows details.";
        }
        err.println("vbios: " + message);
        if ("1".equals(System.getenv("VBIOS_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
