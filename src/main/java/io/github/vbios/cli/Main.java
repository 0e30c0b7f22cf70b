package io.github.vbios.cli;

import io.github.vbios.io.VbiosException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: builds the picocli tree and maps every failure to a sentence and an exit status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new StdoutWriter(System.out),
                new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true)));
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
        summariseCommandLists(cl);
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            report(ex, commandLine.getErr());
            return commandLine.getExitCodeExceptionMapper().getExitCode(ex);
        });
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    /**
     * A command line picocli could not parse: one sentence, the verbs or options it may have
     * meant (picocli's suggestions: {@code vbios inof} names {@code info}), and where help is.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter e = ex.getCommandLine().getErr();
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> suggestions = List.of();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            suggestions = u.getSuggestions();
            String first = u.getUnmatched().get(0);
            if (!first.startsWith("-") && !spec.subcommands().isEmpty()) {
                message = "'" + first + "' is not a " + spec.qualifiedName() + " command";
            }
        }
        e.println("vbios: " + message);
        if (!suggestions.isEmpty()) {
            boolean verbs = !suggestions.get(0).startsWith("-");
            e.println("Did you mean: " + suggestions.stream()
                    .map(s -> verbs ? spec.qualifiedName() + " " + s : s)
                    .collect(Collectors.joining(" or ")) + "?");
        }
        e.println("Try '" + spec.qualifiedName() + " --help' for usage.");
        e.flush();
        return ExitCodes.USAGE;
    }

    /**
     * The "Commands:" list of {@code vbios --help} and {@code vbios vm --help}: one sentence per
     * verb. picocli would print each description's first line, which ends mid-sentence because
     * the descriptions are wrapped at ~100 columns.
     */
    static void summariseCommandLists(CommandLine cl) {
        if (cl.getSubcommands().isEmpty()) {
            return;
        }
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            Map<String, String> rows = new LinkedHashMap<>();
            help.commandSpec().subcommands().forEach((name, sub) -> rows.put(name, summary(sub.getCommandSpec())));
            return help.createTextTable(rows).toString();
        });
        cl.getSubcommands().values().forEach(Main::summariseCommandLists);
    }

    /** A command's one-line summary: its header if it has one, else its description's first sentence. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return String.join(" ", header);
        }
        return VbiosCommand.AllVerbs.firstSentence(String.join(" ", spec.usageMessage().description()));
    }

    static void addExitCodeHelp(CommandSpec spec) {
        spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(ExitCodes.helpTable());
        spec.subcommands().values().forEach(sub -> addExitCodeHelp(sub.getCommandSpec()));
    }

    /**
     * The exit status of a failed command: the one table is {@link VbiosException.Kind}; the JDK's
     * file exceptions that reach here are mapped to the same statuses. picocli calls this as the
     * tree's {@link CommandLine.IExitCodeExceptionMapper}.
     */
    static int exitCode(Throwable ex) {
        if (ex instanceof VbiosException ve) {
            return ve.exitCode();
        } else if (ex instanceof NoSuchFileException) {
            return ExitCodes.INVALID_INPUT;
        } else if (ex instanceof AccessDeniedException) {
            return ExitCodes.PERMISSION;
        } else if (ex instanceof IOException) {
            return ExitCodes.INVALID_INPUT;
        } else if (ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL;
    }

    /** The sentence for a failed command, without the {@code vbios: } prefix. */
    static String message(Throwable ex) {
        if (ex instanceof VbiosException ve) {
            return ve.getMessage();
        } else if (ex instanceof NoSuchFileException nf) {
            return nf.getFile() + ": no such file";
        } else if (ex instanceof AccessDeniedException ad) {
            return ad.getFile() + ": permission denied";
        } else if (ex instanceof IOException io) {
            return "I/O error: " + io.getMessage();
        }
        return "internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + "). Please report it with the input that caused it; VBIOS_DEBUG=1 shows details.";
    }

    /** Turns an exception into one or two lines for the user; a stack trace only with VBIOS_DEBUG=1. */
    static void report(Exception ex, PrintWriter err) {
        err.println("vbios: " + message(ex));
        if ("1".equals(System.getenv("VBIOS_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
