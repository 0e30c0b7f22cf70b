package io.github.vbios.cli;

import io.github.vbios.rom.EfiPayloadMemo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vbios info FILE...}: describe option ROMs and dumps; one failing file does not stop the
 * others. The work happens in {@link InfoRun}: picocli reflects over this class on every start,
 * so it must not mention Jackson types (StartupPathTest).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe PCI option ROMs and GPU ROM dumps: container, PCI and NVIDIA views, images,",
            "checksums, VBIOS identity and verdicts (UEFI-capable, romfile-ready, shadow copy?)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios info card.rom                 verdict line and image table",
            "  vbios info --json a.rom b.rom       one JSON document: {\"schema\":1,\"files\":[...]}",
            "  vbios info /sys/bus/pci/devices/0000:01:00.0/rom   (after echo 1 > .../rom, as root)",
        })
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ROM files, dumps or images to describe")
    List<Path> files;

    @Mixin
    JsonOption common;

    /** For bench/run.sh, which measures the cold path: decode every GOP again. Not for users. */
    @Option(names = "--no-efi-memo", hidden = true)
    boolean noEfiMemo;

    @Override
    public Integer call() {
        EfiPayloadMemo memo = noEfiMemo ? EfiPayloadMemo.off() : new EfiPayloadMemo();
        return new InfoRun(common.json, spec.commandLine().getOut(), spec.commandLine().getErr(), memo).run(files);
    }
}
