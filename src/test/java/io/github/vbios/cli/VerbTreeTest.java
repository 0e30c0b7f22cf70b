package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main builds only the verb a command line names; help, completion and typos still see every verb. */
class VerbTreeTest {
    @Test
    void theFirstNonOptionArgumentPicksTheVerb() {
        assertThat(Main.verb(new String[] {"info", "--json", "a.rom"})).contains("info");
        assertThat(Main.verb(new String[] {"--json", "vm", "qemu"})).contains("vm");
        assertThat(Main.verb(new String[] {"--help"})).isEmpty();
        assertThat(Main.verb(new String[] {})).isEmpty();
        assertThat(Main.verb(new String[] {"infoo", "a.rom"})).isEmpty();
        assertThat(Main.verb(new String[] {"completion"})).isEmpty();
    }

    @Test
    void aVerbTreeHasOnlyThatVerbAndTheFullTreeHasAllInHelpOrder() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine one = Main.newCommandLine(sink, sink, "extract");
        assertThat(one.getSubcommands()).containsOnlyKeys("extract");
        assertThat(one.getSubcommands().get("extract").getCommandSpec().qualifiedName()).isEqualTo("vbios extract");
        CommandLine all = Main.newCommandLine(sink, sink);
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(VbiosCommand.SUBCOMMANDS.keySet());
    }

    /** What ManPageGenerator and AutoComplete see: they build the tree from the class name alone. */
    @Test
    void theTreeClassForTheBuildTimeGeneratorsHasEveryVerbWithItsExitStatusTable() {
        CommandLine tree = new CommandLine(VbiosCommand.Tree.class);
        assertThat(tree.getCommandName()).isEqualTo("vbios");
        assertThat(tree.getSubcommands().keySet()).containsExactlyElementsOf(VbiosCommand.SUBCOMMANDS.keySet());
        assertThat(tree.getSubcommands().get("vm").getSubcommands()).containsKeys("qemu", "libvirt", "proxmox");
        assertThat(tree.getCommandSpec().usageMessage().exitCodeList()).isEqualTo(ExitCodes.helpTable());
        assertThat(tree.getSubcommands().get("extract").getCommandSpec().usageMessage().exitCodeList())
                .isEqualTo(ExitCodes.helpTable());
        // The man page's NAME line and COMMANDS list: a whole first sentence, not a wrapped line.
        String[] description = tree.getSubcommands().get("ssdt").getCommandSpec().usageMessage().description();
        String header = tree.getSubcommands().get("ssdt").getCommandSpec().usageMessage().header()[0];
        assertThat(header).startsWith(description[0].strip()).hasSizeGreaterThan(description[0].strip().length());
        assertThat(header).endsWith(".");
        assertThat(VbiosCommand.AllVerbs.firstSentence("One  line\n two. Next one. ")).isEqualTo("One line two.");
        StringWriter out = new StringWriter();
        tree.usage(new PrintWriter(out));
        VbiosCommand.SUBCOMMANDS.keySet().forEach(v -> assertThat(out.toString()).contains("  " + v));
    }

    @Test
    void everyVerbRunsItsOwnHelpAndTheTopLevelHelpListsThemAll() {
        for (String verb : VbiosCommand.SUBCOMMANDS.keySet()) {
            StringWriter out = new StringWriter();
            int code = Main.run(new String[] {verb, "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
            assertThat(code).as(verb).isZero();
            assertThat(out.toString()).as(verb).contains("Usage: vbios " + verb);
        }
        StringWriter out = new StringWriter();
        Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        VbiosCommand.SUBCOMMANDS.keySet().forEach(v -> assertThat(out.toString()).contains("  " + v));
    }
}
