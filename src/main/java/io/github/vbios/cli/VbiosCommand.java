package io.github.vbios.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code vbios} command: dispatches to the verbs and answers {@code --version}
 * (text or {@code --json}). Subcommands are separate classes whose fields hold only light types,
 * so building this tree for {@code --version} loads neither Jackson nor Commons Compress.
 */
@Command(name = "vbios",
        versionProvider = VersionProvider.class,
        description = {
            "Get a GPU's video BIOS working in a KVM/QEMU virtual machine with VFIO passthrough.",
            "Inspect option ROMs, clean dumps into romfiles, extract VBIOS images from BIOS updates,",
            "dump the host's ROM, generate ACPI _ROM tables and VM configuration.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios info card.rom                 what is in this dump? will it boot under OVMF?",
            "  vbios patch nvflash.rom -o gpu.rom  write the romfile QEMU needs",
            "  vbios extract bios-update.exe -o out/   find the VBIOS inside a laptop BIOS update",
            "  vbios optimus bios-update.exe -o vm/    romfile + ACPI tables + VM config for an Optimus laptop",
            "  vbios demo                          run every command on a generated sample",
            "  vbios --version --json              version, git commit and Java runtime as JSON",
        })
public class VbiosCommand implements Callable<Integer> {
    /**
     * The verbs in help order. Not in the annotation: {@link Main} adds only the verb a command
     * line names (parsing the annotations of every command costs start-up time), and all of
     * them for top-level help, completion and unknown verbs.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("info", InfoCommand.class);
        m.put("patch", PatchCommand.class);
        m.put("extract", ExtractCommand.class);
        m.put("dump", DumpCommand.class);
        m.put("ssdt", SsdtCommand.class);
        m.put("vm", VmCommand.class);
        m.put("doctor", DoctorCommand.class);
        m.put("optimus", OptimusCommand.class);
        m.put("demo", DemoCommand.class);
        m.put("completion", CompletionCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** Adds {@code verb} below {@code root}, or every verb in help order when it is null. */
    static void addVerbs(CommandSpec root, String verb) {
        SUBCOMMANDS.forEach((name, type) -> {
            if (verb == null || verb.equals(name)) {
                root.addSubcommand(name, new CommandLine(type));
            }
        });
    }

    /**
     * The whole tree for picocli's build-time generators, which take a class name
     * (pom.xml: ManPageGenerator writes target/generated-docs/vbios.adoc and one page per verb;
     * AutoComplete writes target/vbios_completion). They build the tree from annotations only, and
     * {@link VbiosCommand}'s annotation names no subcommands, so this subclass's model transformer
     * adds them, with the exit-status table that {@link Main} adds at run time.
     */
    @Command(modelTransformer = AllVerbs.class)
    public static final class Tree extends VbiosCommand {
    }

    /**
     * {@link Tree}'s transformer: every verb and the exit-status help, as {@link Main} builds them,
     * and a one-sentence header per command. The generators take a command's summary (the man
     * page's NAME line, the COMMANDS list) from its header, else from its first description
     * line; our descriptions are wrapped at ~100 columns, so that line ends mid-sentence.
     */
    public static final class AllVerbs implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec root) {
            addVerbs(root, null);
            Main.addExitCodeHelp(root);
            addSummaries(root);
            return root;
        }

        private static void addSummaries(CommandSpec spec) {
            if (spec.usageMessage().header().length == 0 && spec.usageMessage().description().length > 0) {
                spec.usageMessage().header(firstSentence(String.join(" ", spec.usageMessage().description())));
            }
            spec.subcommands().values().forEach(sub -> addSummaries(sub.getCommandSpec()));
        }

        /** Up to the first full stop that ends a sentence (". "), or all of it. */
        static String firstSentence(String text) {
            String t = text.strip().replaceAll("\\s+", " ");
            int end = t.indexOf(". ");
            return end < 0 ? t : t.substring(0, end + 1);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    // Not picocli's versionHelp: that path cannot see --json, so call() prints the version itself.
    @Option(names = {"-V", "--version"}, description = "Print version, git commit and Java runtime and exit.")
    boolean version;

    @Option(names = "--json", description = "With --version: print one JSON document (schema 1).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (version) {
            out.println(VersionProvider.text(json));
            out.flush();
            return ExitCodes.OK;
        }
        spec.commandLine().usage(out);
        return ExitCodes.USAGE;
    }
}
