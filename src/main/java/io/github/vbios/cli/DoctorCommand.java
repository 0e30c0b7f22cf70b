package io.github.vbios.cli;

import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.PciDevice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.SafeText;
import io.github.vbios.io.VbiosException;
import io.github.vbios.plan.Check;
import io.github.vbios.plan.CheckStatus;
import io.github.vbios.plan.Doctor;
import io.github.vbios.plan.DoctorDevice;
import io.github.vbios.plan.DoctorReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios doctor}: renders {@link Doctor}'s report; exit 6 when a check fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this host for GPU passthrough: IOMMU, groups, drivers, boot VGA, ROM BAR,",
            "framebuffers, subsystem IDs. Every check has a status (ok, warn, fail) and a fix."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios doctor                      every GPU but the host's boot display",
            "  vbios doctor 0000:01:00.0 --json  one GPU, as JSON",
            "  vbios doctor --host-root saved/   a saved sysfs/procfs tree",
        })
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BDF", description = "the GPU to check (0000:01:00.0 or 01:00.0)")
    String bdf;

    @Option(names = "--host-root", paramLabel = "DIR", description = "read sysfs/procfs under DIR instead of / (default: /)")
    Path hostRoot = Path.of("/");

    @Mixin
    JsonOption common;

    @Override
    public Integer call() {
        Optional<PciAddress> focus = Optional.empty();
        if (bdf != null) {
            focus = Optional.of(PciAddress.parse(bdf).orElseThrow(() -> new VbiosException(VbiosException.Kind.USAGE,
                    "'" + bdf + "' is not a PCI address; expected the form 0000:01:00.0 or 01:00.0")));
        }
        DoctorReport report;
        try {
            report = Doctor.examine(new HostReader(hostRoot).snapshot(), focus);
        } catch (VbiosException e) {
            // a BDF that is not on the host: --json still answers with a document (docs/exit-codes.md, 4)
            if (!common.json || e.kind() != VbiosException.Kind.NOT_FOUND || focus.isEmpty()) {
                throw e;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(DoctorJson.render(DoctorReport.deviceMissing(focus.get().toString(), e.getMessage())));
            out.flush();
            spec.commandLine().getErr().println("vbios: " + SafeText.escape(e.getMessage()));
            spec.commandLine().getErr().flush();
            return ExitCodes.NOT_FOUND;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(DoctorJson.render(report));
        } else {
            printText(report, out);
        }
        out.flush();
        return report.capable() ? ExitCodes.OK : ExitCodes.HOST_NOT_CAPABLE;
    }

    /** Every line goes through {@link SafeText}: sysfs names (driver links, paths) reach the terminal. */
    private static void printText(DoctorReport report, PrintWriter out) {
        if (!report.devices().isEmpty()) {
            out.println("GPUs and their functions:");
        }
        for (DoctorDevice dd : report.devices()) {
            PciDevice d = dd.device();
            out.println(SafeText.escape(String.format(Locale.ROOT, "  %s  %s:%s  class %06x  %-12s driver=%s group=%s%s%s",
                    d.address(), Hex.id16(d.vendorId()), Hex.id16(d.deviceId()), d.classCode() & 0xFFFFFF,
                    dd.role().label(), d.driver() == null ? "-" : d.driver(), d.iommuGroup() < 0 ? "-" : d.iommuGroup(),
                    d.bootVga() ? "  boot-vga" : "", d.isNvidia() ? "  NVIDIA" : "")));
        }
        out.println("Checks:");
        for (Check c : report.checks()) {
            out.println(SafeText.escape(String.format(Locale.ROOT, "  [%-4s] %-22s %s%s", c.status().label(), c.id(),
                    c.device() == null ? "" : c.device() + ": ", c.message())));
            if (c.fix() != null && c.status() != CheckStatus.OK) {
                out.println(SafeText.escape("         fix: " + c.fix()));
            }
        }
        for (Finding f : report.findings()) {
            out.println(SafeText.escape("  note: " + f.message()));
        }
        out.println(report.capable() ? "Result: no blocking problem (exit 0)."
                : "Result: this host cannot pass the GPU through as is (exit 6).");
    }
}
