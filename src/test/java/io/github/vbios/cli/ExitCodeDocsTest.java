package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.VbiosException;
import io.github.vbios.io.VbiosException.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The exit statuses are one table, {@link Kind}: every command's --help footer is made from it,
 * and docs/exit-codes.md must say the same (number, name, meaning, in order).
 */
class ExitCodeDocsTest {
    private static final Path DOC = Path.of("docs/exit-codes.md");

    /** The rows of the docs' table: code, name, meaning (the fourth column, typical causes, is prose). */
    private static List<String[]> documented() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.matches("\\| *\\d+ *\\|.*")) {
                String[] cells = line.split("\\|", -1);
                rows.add(new String[] {cells[1].strip(), cells[2].strip(), cells[3].strip()});
            }
        }
        return rows;
    }

    @Test
    void docsTableIsTheKindTable() throws IOException {
        List<String[]> rows = documented();
        assertThat(rows).hasSize(Kind.values().length);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length; i++) {
            Kind k = kinds[i];
            String[] row = rows.get(i);
            assertThat(row).as(k.name()).containsExactly(Integer.toString(k.exitCode()), k.label(), k.meaning());
        }
    }

    @Test
    void everyHelpEndsWithTheTable() {
        StringWriter out = new StringWriter();
        for (String verb : Stream.concat(Stream.of(""), VbiosCommand.SUBCOMMANDS.keySet().stream()).toList()) {
            out.getBuffer().setLength(0);
            String[] args = verb.isEmpty() ? new String[] {"--help"} : new String[] {verb, "--help"};
            Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
            String help = out.toString().replaceAll("\\s+", " ");
            for (Kind k : Kind.values()) {
                assertThat(help).as(verb).contains(" " + k.exitCode() + " " + k.label() + ": " + k.meaning());
            }
        }
        assertThat(ExitCodes.helpTable()).hasSize(Kind.values().length);
    }

    @Test
    void exitCodesAreTheKindNumbers() {
        assertThat(List.of(ExitCodes.OK, ExitCodes.INTERNAL, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
                ExitCodes.NOT_FOUND, ExitCodes.PERMISSION, ExitCodes.HOST_NOT_CAPABLE, ExitCodes.OUTPUT_IO,
                ExitCodes.INCOMPLETE)).containsExactly(Stream.of(Kind.values()).map(Kind::exitCode).toArray(Integer[]::new));
    }

    /** The JDK's file exceptions reach the same statuses through the tree's exit-code mapper. */
    @Test
    void theMapperUsesTheTable() {
        assertThat(Main.exitCode(new VbiosException(Kind.INCOMPLETE, "x"))).isEqualTo(8);
        assertThat(Main.exitCode(new NoSuchFileException("f"))).isEqualTo(Kind.INVALID_INPUT.exitCode());
        assertThat(Main.exitCode(new AccessDeniedException("f"))).isEqualTo(Kind.PERMISSION.exitCode());
        assertThat(Main.exitCode(new IllegalStateException())).isEqualTo(Kind.INTERNAL.exitCode());
        // the failure handler takes the status from the mapper, not from a table of its own
        CommandLine cl = Main.newCommandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(cl.execute("extract", "/nonexistent/vbios-test.bin")).isEqualTo(Kind.INVALID_INPUT.exitCode());
        cl.setExitCodeExceptionMapper(e -> 42);
        assertThat(cl.execute("extract", "/nonexistent/vbios-test.bin")).isEqualTo(42);
    }
}
