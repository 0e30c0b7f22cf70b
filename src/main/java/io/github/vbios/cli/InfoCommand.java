package io.github.vbios.cli;

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

    @Override
    public Integer call() {
        return new InfoRun(common.json, spec.commandLine().getOut(), spec.commandLine().getErr()).run(files);
    }
}
