package io.github.vbios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code vbios} command: only dispatches to the verbs. */
@Command(name = "vbios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Get a GPU's video BIOS working in a KVM/QEMU virtual machine with VFIO passthrough.",
            "Inspect option ROMs, clean dumps into romfiles, extract VBIOS images from BIOS updates,",
            "dump the host's ROM, generate ACPI _ROM tables and VM configuration.",
        },
        subcommands = {
            InfoCommand.class,
            PatchCommand.class,
            ExtractCommand.class,
            DumpCommand.class,
            SsdtCommand.class,
            VmCommand.class,
            DoctorCommand.class,
            OptimusCommand.class,
            DemoCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios info card.rom                 what is in this dump? will it boot under OVMF?",
            "  vbios patch nvflash.rom -o gpu.rom  write the romfile QEMU needs",
            "  vbios extract bios-update.exe -o out/   find the VBIOS inside a laptop BIOS update",
            "  vbios demo                          run every command on a generated sample",
        })
public final class VbiosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
