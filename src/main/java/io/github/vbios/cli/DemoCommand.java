package io.github.vbios.cli;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.sample.NvidiaSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vbios demo}: builds a sample NVIDIA-like flash dump in memory, writes it, and runs info on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Build a sample NVIDIA-like full-flash dump (NVGI v3 container; x86 image with NPDE and BIT,",
            "EFI image with a compressed PE32+ GOP, private E0 and NBSI images), write it to the demo folder",
            "and describe it with vbios info. The demo rewrites its own files in that folder."},
        footerHeading = "%nExamples:%n",
        footer = {"  vbios demo                   writes ./vbios-demo/nvidia-flash-dump.rom and describes it",
            "  vbios demo -o /tmp/demo      another folder"})
public final class DemoCommand implements Callable<Integer> {
    static final String DUMP = "nvidia-flash-dump.rom";

    @Spec
    CommandSpec spec;

    @Option(names = "-o", paramLabel = "DIR", description = "demo folder (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("vbios-demo");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] dump = NvidiaSample.flashDump();
        OutputFolder folder = OutputFolder.open(dir, true);
        Path written = folder.write(DUMP, dump);
        err.println("vbios demo: wrote " + written + " (" + dump.length + " bytes)");
        out.println("$ vbios info " + dir.resolve(DUMP));
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.of(dump));
        InfoText.print(out, DUMP, a);
        DemoSsdt.write(dir, DUMP, dump, out);
        out.flush();
        return ExitCodes.OK;
    }
}
