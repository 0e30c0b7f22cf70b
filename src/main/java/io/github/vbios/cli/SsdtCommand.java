package io.github.vbios.cli;

import io.github.vbios.acpi.BatterySsdt;
import io.github.vbios.acpi.FwCfgRomSsdt;
import io.github.vbios.acpi.PathChoice;
import io.github.vbios.acpi.Placement;
import io.github.vbios.acpi.RomInput;
import io.github.vbios.acpi.SsdtGenerator;
import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.acpi.SsdtOptions;
import io.github.vbios.acpi.SsdtReport;
import io.github.vbios.acpi.TableHeader;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.io.VbiosException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vbios ssdt}: ACPI tables that hand the VBIOS to the guest driver through {@code _ROM}. */
@Command(name = "ssdt", mixinStandardHelpOptions = true,
        description = {
            "Generate ACPI tables (AML + readable ASL) that give the GPU's ACPI node a _ROM method serving the",
            "VBIOS (embedded in the tables or read from QEMU fw_cfg), plus an optional fake battery, and print",
            "the QEMU, libvirt and Proxmox lines that load them, into the folder OUT. The ROM must be a clean romfile",
            "(vbios patch).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios ssdt --rom gpu.rom -o acpi/",
            "      GPU at 01:00.0 behind root port 00:01.0 (\\_SB.PCI0.S08.S00), mode chosen by ROM size",
            "  vbios ssdt --rom gpu.rom -o acpi/ --guest-address 01:00.0 --root-port 00:1c.0 --mode fwcfg",
            "  vbios ssdt --rom gpu.rom -o acpi/ --libvirt-xml vm.xml --hostdev 0000:01:00.0",
            "  vbios ssdt --rom gpu.rom -o acpi/ --proxmox-hostpci 0 --battery minimal",
            "  vbios ssdt --rom dump.rom --clean -o acpi/ --path '\\_SB.PCI0.S10.S00' --placement scope",
        })
public final class SsdtCommand implements Callable<Integer> {
    /** ROMs are at most a few MiB; refuse anything absurd before reading it. */
    private static final long MAX_INPUT = 64L * 1024 * 1024;
    private static final long MAX_XML = 16L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--rom", required = true, paramLabel = "ROM", description = "the romfile (PCI view) to serve")
    Path rom;

    @Mixin
    OutputOptions common;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "embed (ROM inside the tables) or fwcfg (read from -fw_cfg); default: fwcfg over "
                    + SsdtMode.EMBED_DEFAULT_LIMIT_TEXT)
    String mode;

    @Option(names = "--placement", defaultValue = "auto", paramLabel = "HOW",
            description = "scope (node exists), declare (node absent) or auto (either; default)")
    String placement;

    @Option(names = "--battery", defaultValue = "full", paramLabel = "KIND",
            description = "full (default: _BIF/_BST battery + AC adapter), minimal or none")
    String battery;

    @Option(names = "--path", paramLabel = "ACPIPATH", description = "the GPU's ACPI node, e.g. \\_SB.PCI0.S08.S00")
    String path;

    @Option(names = "--guest-address", paramLabel = "BDF", description = "the GPU's guest PCI address, e.g. 01:00.0")
    String guestAddress;

    @Option(names = "--root-port", paramLabel = "BDF",
            description = "a bridge on the way from the root bus (repeat, outermost first), e.g. 00:1c.0")
    List<String> rootPorts = new ArrayList<>();

    @Option(names = "--libvirt-xml", paramLabel = "FILE", description = "domain XML (virsh dumpxml VM)")
    Path libvirtXml;

    @Option(names = "--hostdev", paramLabel = "BDF", description = "host address of the GPU's <hostdev> in --libvirt-xml")
    String hostdev;

    @Option(names = "--proxmox-hostpci", paramLabel = "N", description = "Proxmox hostpciN (pcie=1, q35)")
    Integer proxmoxHostpci;

    @Option(names = "--fw-cfg-name", defaultValue = FwCfgRomSsdt.DEFAULT_NAME, paramLabel = "NAME",
            description = "fw_cfg file name in fwcfg mode (default: ${DEFAULT-VALUE})")
    String fwCfgName;

    @Option(names = "--oem-id", defaultValue = TableHeader.DEFAULT_OEM_ID, paramLabel = "ID",
            description = "OEM ID in the table headers (6 characters at most)")
    String oemId;

    @Option(names = "--clean", description = "cut the PCI view out of a dump instead of refusing it")
    boolean clean;

    @Override
    public Integer call() throws Exception {
        Path output = common.required(spec);
        String xml = libvirtXml == null ? null
                : InputFiles.text(libvirtXml, MAX_XML, StandardCharsets.UTF_8);
        PathChoice where = PathChoice.resolve(path, guestAddress, rootPorts, xml,
                libvirtXml == null ? null : libvirtXml.toString(), hostdev, proxmoxHostpci);
        SsdtOptions options = new SsdtOptions(mode == null ? null : SsdtMode.parse(mode), Placement.parse(placement),
                where.path(), BatterySsdt.Kind.parse(battery), FwCfgRomSsdt.checkName(fwCfgName), checkOem(oemId));
        RomInput input = RomInput.check(InputFiles.slice(rom, MAX_INPUT), rom.toString(), clean);
        SsdtReport report;
        try (OutputFolder out = OutputFolder.begin(output, common.force, Inputs.of(rom, libvirtXml))) {
            report = SsdtGenerator.generate(input, rom.toString(), options, where, out);
            out.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        if (common.json) {
            w.println(SsdtText.json(report));
        } else {
            SsdtText.render(report, w);
        }
        w.flush();
        return ExitCodes.OK;
    }

    private static String checkOem(String id) {
        if (id.length() > 6 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new VbiosException(VbiosException.Kind.USAGE,
                    "--oem-id must be 1-6 printable ASCII characters");
        }
        return id;
    }
}
