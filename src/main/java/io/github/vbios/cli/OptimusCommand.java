package io.github.vbios.cli;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.plan.Optimus;
import io.github.vbios.plan.OptimusCandidate;
import io.github.vbios.plan.OptimusRequest;
import io.github.vbios.plan.OptimusResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios optimus IN -o OUT}: BIOS update / dump / ROM in; romfile, SSDTs, VM configs, NEXT-STEPS.md out. */
@Command(name = "optimus", mixinStandardHelpOptions = true,
        description = {"One shot for a muxless Optimus laptop (or any NVIDIA GPU): from a BIOS update, firmware",
            "image, archive, GPU flash dump, clean ROM or .reg export to the clean romfile, the _ROM and battery",
            "SSDTs, qemu-args.txt, libvirt-snippet.xml, proxmox.conf and NEXT-STEPS.md in the folder OUT.",
            "When several video BIOS images remain, lists them numbered and exits 4: choose with --ids or --pick."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios optimus bios-update.exe -o vm/                 pick the dGPU ROM by the host's NVIDIA device",
            "  vbios optimus lg-r510-insyde.fd -o vm/ --ids 10de:0648   the laptop image holds 4 NVIDIA SKUs",
            "  vbios optimus gpu-dump.rom -o vm/ --mode fwcfg       from an nvflash/GPU-Z dump, ROM via fw_cfg",
            "  vbios optimus update.fd -o vm/ --pick 2 --json       second candidate; every artefact as JSON",
        })
public final class OptimusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "BIOS update, firmware image, archive, GPU dump, ROM or .reg export")
    Path input;

    @Mixin
    OutputOptions common;

    @Option(names = "--device", paramLabel = "BDF", description = "the dGPU on this host, e.g. 0000:01:00.0")
    String device;

    @Option(names = "--ids", paramLabel = "VVVV:DDDD", description = "use the ROM with these vendor:device IDs")
    String ids;

    @Option(names = "--pick", paramLabel = "N", description = "use candidate N of the list")
    Integer pick;

    @Option(names = "--host-root", paramLabel = "DIR", description = "read sysfs/procfs under DIR instead of /")
    Path hostRoot;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "embed or fwcfg (default: fwcfg over " + SsdtMode.EMBED_DEFAULT_LIMIT_TEXT + ", else embed)")
    String mode;

    @Option(names = "--no-external", description = "never run innoextract, upx, unar or unrar, even when installed")
    boolean noExternal;

    @Override
    public Integer call() throws Exception {
        Path outDir = common.required(spec);
        OptimusRequest req = new OptimusRequest(input, outDir, device, ids == null ? null : OptimusRequest.parseIds(ids),
                pick, hostRoot, mode == null ? null : SsdtMode.parse(mode), common.force);
        OptimusResult r = Optimus.run(req, noExternal ? ExternalTools.off() : ExternalTools.system());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (common.json) {
            out.println(Json.write(OptimusJson.of(r, input, outDir)));
        } else {
            text(r, out);
        }
        out.flush();
        if (!r.done()) {
            err.println("vbios: " + r.selection().reason());
            err.flush();
            return r.selection().incomplete() ? ExitCodes.INCOMPLETE : ExitCodes.NOT_FOUND;
        }
        return ExitCodes.OK;
    }

    private void text(OptimusResult r, PrintWriter out) {
        out.println(input.getFileName() + ": " + r.inputKind() + ", " + r.candidates().size() + " video BIOS candidate"
                + (r.candidates().size() == 1 ? "" : "s"));
        r.candidates().forEach(c -> out.println(c.describe()));
        r.differences().forEach(d -> out.println("    " + d.describe()));
        if (!r.done()) {
            remarks(r, out);
            return;
        }
        OptimusCandidate c = r.selection().chosen();
        out.println("using " + c.number() + " (" + c.ids() + "), chosen by " + r.selection().reason());
        out.println("GPU ACPI path in the guest: " + r.acpiPath() + " (SSDT mode " + r.ssdtMode() + ")");
        out.println("wrote to " + common.output + ":");
        r.artefacts().forEach(a -> out.println("  " + a.file() + "  " + a.description()));
        remarks(r, out);
        out.println("next: read " + common.output.resolve("NEXT-STEPS.md"));
    }

    /** Each note with its word: "note:" for a hint, "warning:" to act on. */
    private static void remarks(OptimusResult r, PrintWriter out) {
        r.remarks().forEach(n -> out.println(n.severity().word() + ": " + n.message()));
    }
}
