package io.github.vbios.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run for the class-data-sharing archive made at package time (pom.xml, execution
 * "cds-archive": {@code java -XX:ArchiveClassesAtExit=target/vbios.jsa -cp target/vbios.jar
 * io.github.vbios.cli.CdsTraining}). It runs the start-up paths once with output discarded, so the
 * archive holds exactly the classes that {@code --version} and {@code --help} load,
 * both through {@link Launcher}'s fast path and through picocli.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        // The fast path of Launcher (no picocli) only needs its own few classes.
        VersionProvider.json(VersionProvider.current());
        String[][] runs = {
            {"--version"}, {"--version", "--json"}, {"--help"}, {"info", "--help"}, {"completion", "bash"},
        };
        for (String[] run : runs) {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            Main.run(run, sink, sink);
        }
    }
}
