package io.github.vbios.cli;

import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciDevice;
import io.github.vbios.host.RomAccess;
import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.Hex;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.SafeText;
import io.github.vbios.io.VbiosException;
import io.github.vbios.plan.DumpReport;
import io.github.vbios.plan.DumpSource;
import io.github.vbios.plan.HostDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios dump}: renders {@link HostDump} of the GPU and ROM access that {@link DumpSource} chose. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Read a GPU's ROM through sysfs (enable, read, disable), validate it and write its PCI view",
            "(the romfile QEMU needs, when the card is not the boot GPU). Explains the classic failures: no ROM",
            "BAR, Input/output error or 0xFFFF (ROM BAR disabled or locked, typical on laptops), a driver holding",
            "the device, and the boot GPU's shadowed copy: changed at boot and without the EFI image, it is",
            "refused (exit 3, with the way out) unless --allow-shadow. --acpi reads the host's ACPI _ROM",
            "through the acpi_call module instead."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  sudo vbios dump 0000:01:00.0 -o gpu.rom",
            "  sudo vbios dump 01:00.0 --acpi -o dgpu.rom   laptop dGPU, via acpi_call",
            "  vbios dump 01:00.0 --host-root saved/ -o gpu.rom --json",
        })
public final class DumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BDF", description = "the GPU (default: the only GPU that is not the boot VGA)")
    String bdf;

    @Mixin
    OutputOptions common;

    @Option(names = "--acpi", description = "read the host's ACPI _ROM of the device through acpi_call (/proc/acpi/call)")
    boolean acpi;

    @Option(names = "--allow-shadow", description = "write the boot GPU's shadow copy anyway (it lacks the EFI image)")
    boolean allowShadow;

    @Option(names = "--host-root", paramLabel = "DIR", description = "read a saved sysfs/procfs tree under DIR (its rom files are plain files)")
    Path hostRoot = Path.of("/");

    /** Tests replace the access to observe enable/read/disable; null means "the real one". */
    Function<PciDevice, RomAccess> accessFactory;

    @Override
    public Integer call() throws IOException {
        Path output = common.required(spec);
        boolean json = common.json;
        HostSnapshot host = new HostReader(hostRoot).snapshot();
        DumpSource source = DumpSource.choose(host, hostRoot, bdf, acpi);
        PciDevice dev = source.device();
        boolean toStdout = AtomicWrite.isStdout(output);
        if (toStdout && json) {
            throw new VbiosException(VbiosException.Kind.USAGE, "-o " + output + " writes the ROM to standard output; "
                    + "--json cannot share it: write the ROM to a file");
        }
        Inputs inputs = Inputs.of(source.romFile());
        if (!toStdout) {
            AtomicWrite.check(output, common.force, inputs);
        }
        RomAccess access = accessFactory != null ? accessFactory.apply(dev) : source.access(output);
        DumpReport r = HostDump.dump(host, dev.address(), access, acpi, allowShadow);
        if (r.written() && toStdout) {
            StdoutWriter.writeBytes(spec.commandLine().getOut(), r.pciView());
        } else if (r.written()) {
            AtomicWrite.write(output, r.pciView(), common.force, inputs, p -> { });
        }
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            spec.commandLine().getOut().println(DumpJson.render(r, output));
            spec.commandLine().getOut().flush();
        }
        if (r.failure() != null) {
            // each line escaped on its own: sysfs names must not reach the terminal raw (issue 12.10)
            String text = String.join("\n  ", escaped(r.explanations())) + (r.suggestions().isEmpty() ? ""
                    : "\nTry:\n  " + String.join("\n  ", escaped(r.suggestions())));
            if (json) {
                err.println("vbios: " + r.address() + ": " + r.outcome().name().toLowerCase(Locale.ROOT));
                err.flush();
                return r.failure().exitCode();
            }
            throw new VbiosException(r.failure(), r.address() + ": " + text);
        }
        if (!json) {
            printText(r, output, toStdout ? err : spec.commandLine().getOut(), err);
        }
        return ExitCodes.OK;
    }

    private static List<String> escaped(List<String> lines) {
        return lines.stream().map(SafeText::escape).toList();
    }

    private static void printText(DumpReport r, Path output, PrintWriter out, PrintWriter err) {
        var view = r.analysis().pciView();
        out.println(SafeText.escape(String.format("%s: wrote %s: %s:%s, PCI view %s-%s (%d bytes), sha256 %s",
                r.address(), output, Hex.id16(r.analysis().pciImages().get(0).vendorId()),
                Hex.id16(r.analysis().pciImages().get(0).deviceId()), Hex.offset(view.start()), Hex.offset(view.end()),
                r.pciView().length, view.sha256())));
        out.flush();
        r.explanations().forEach(x -> err.println(SafeText.escape("vbios: warning: " + x)));
        r.suggestions().forEach(x -> err.println(SafeText.escape("vbios: try: " + x)));
        err.flush();
    }
}
