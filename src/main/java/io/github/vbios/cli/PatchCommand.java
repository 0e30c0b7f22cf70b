package io.github.vbios.cli;

import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.VbiosException;
import io.github.vbios.plan.PatchNextSteps;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.rom.patch.RomfileCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios patch IN -o OUT}: write the exact romfile QEMU needs (the PCI view) from any dump (issue 4). */
@Command(name = "patch", mixinStandardHelpOptions = true,
        description = {"Write the exact romfile QEMU needs (to OUT) from any GPU ROM dump: the PCI view, from",
            "the first image's 55 AA to the end of the last PCI image. Cuts NVIDIA NVGI/NVFW",
            "headers, NVIDIA-only images, InfoROM, backup copies and fill, and says what it",
            "cut. The result is re-parsed before it is moved into place; IN is never written.",
            "Refuses (exit 3) a boot GPU's shadow copy and a dump whose X64 EFI image does not",
            "decompress, with what to get instead; afterwards prints where the romfile goes."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios patch nvflash-dump.rom -o gpu.rom     cut the romfile out of a dump",
            "  vbios patch dump.rom -o gpu.rom --fix-checksum",
            "                                              also make the x86 checksums valid",
            "  vbios patch dump.rom -o gpu.rom --set-ids 10de:1c03 --fix-checksum",
            "                                              change the PCI IDs, fix checksums",
            "  vbios patch --check gpu.rom                 exit 0: a romfile already; 3: not",
            "  vbios patch dump.rom -o gpu.rom --device 01:00.0",
            "                                              also check the ROM is for that GPU",
            "  afterwards it prints where the romfile goes for Proxmox, libvirt and QEMU",
        })
public final class PatchCommand implements Callable<Integer> {
    /** Flash dumps are at most a few MiB; anything far larger is not a dump. */
    static final long MAX_INPUT = 256L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "the dump (or, with --check, the romfile to check)")
    Path input;

    @Mixin
    OutputOptions common;

    @Option(names = "--fix-checksum", description = "recompute x86 checksums (NVIDIA: every sub-block; others: byte-2 range)")
    boolean fixChecksum;

    @Option(names = "--set-ids", paramLabel = "VVVV:DDDD",
            description = "change vendor:device in the images carrying the card's IDs (needs --fix-checksum)")
    String setIds;

    @Option(names = "--keep-nvidia-images", description = "keep the full NVIDIA view (for flashing, not for QEMU)")
    boolean keepNvidiaImages;

    @Option(names = "--allow-shadow", description = "write a romfile from a boot GPU's shadow copy anyway "
            + "(refused by default: it lacks the EFI image; exit 3)")
    boolean allowShadow;

    @Option(names = "--allow-broken-efi", description = "write a romfile whose X64 EFI image does not decompress "
            + "(refused by default: a damaged dump; exit 3)")
    boolean allowBrokenEfi;

    @Option(names = "--device", paramLabel = "BDF", description = "the GPU the romfile is for: its vendor:device must "
            + "match the ROM's (exit 3 otherwise), subsystem IDs are compared where the ROM has them; default: the "
            + "only GPU of the ROM's vendor on the host (a warning on mismatch)")
    String device;

    @Option(names = "--host-root", paramLabel = "DIR", description = "read the host's sysfs under DIR (a saved tree) for --device")
    Path hostRoot = Path.of("/");

    @Option(names = "--check", description = "only check IN: exit 0 if it is already a correct romfile, 3 otherwise")
    boolean check;

    @Override
    public Integer call() throws IOException {
        Path output = common.output;
        boolean force = common.force;
        boolean json = common.json;
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            return check(out);
        }
        if (output == null) {
            throw new VbiosException(VbiosException.Kind.USAGE, "patch needs -o OUT (or --check to only check IN)");
        }
        PatchOptions options = options();
        boolean toStdout = AtomicWrite.isStdout(output);
        if (toStdout && json) {
            throw new VbiosException(VbiosException.Kind.USAGE, "-o " + output + " writes the romfile to standard "
                    + "output; --json cannot share it: write the romfile to a file");
        }
        if (!toStdout) {
            AtomicWrite.check(output, force, Inputs.of(input));
        }
        PatchOutcome o = RomPatcher.prepare(read(input), options);
        PatchNextSteps next = PatchNextSteps.of(output, o.output(), host(), device);
        if (next.device() != null && next.device().refused()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, next.device().message() + ". Nothing was written");
        }
        // the summary is printed only once the romfile is in place: a failed write prints the error alone
        PrintWriter summary = toStdout ? spec.commandLine().getErr() : out;
        if (toStdout) {
            RomPatcher.verifyWritten(o.bytes(), o, "standard output");
            StdoutWriter.writeBytes(out, o.bytes());
        } else {
            RomPatcher.write(o, output, force, input);
        }
        if (json) {
            out.println(Json.write(PatchJson.patch(name(input), output.toString(), o, next)));
        } else {
            PatchText.report(summary, name(input), o);
            summary.println("wrote " + (toStdout ? "standard output" : output.toString()) + " (" + o.bytes().length
                    + " bytes)");
            PatchText.nextSteps(summary, next);
        }
        summary.flush();
        out.flush();
        return ExitCodes.OK;
    }

    private int check(PrintWriter out) throws IOException {
        if (common.output != null || fixChecksum || setIds != null || keepNvidiaImages) {
            throw new VbiosException(VbiosException.Kind.USAGE, "--check only reads IN; it takes no -o, --fix-checksum, "
                    + "--set-ids or --keep-nvidia-images");
        }
        RomfileCheck c = RomPatcher.check(read(input));
        if (common.json) {
            out.println(Json.write(PatchJson.check(name(input), c)));
        } else {
            PatchText.check(out, name(input), c);
        }
        out.flush();
        return c.ok() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    private PatchOptions options() {
        Integer vendor = null;
        Integer device = null;
        if (setIds != null) {
            String[] parts = setIds.split(":", -1);
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException(setIds);
                }
                vendor = Hex.parseId16(parts[0]);
                device = Hex.parseId16(parts[1]);
            } catch (NumberFormatException e) {
                throw new VbiosException(VbiosException.Kind.USAGE, "--set-ids wants VVVV:DDDD in hex, like 10de:1c03; got '"
                        + setIds + "'");
            }
        }
        return new PatchOptions(fixChecksum, vendor, device, keepNvidiaImages).allowing(allowShadow, allowBrokenEfi);
    }

    /**
     * The host, for the ROM-vs-GPU check; empty when it lists no PCI device (not Linux, no sysfs).
     * A named {@code --device} that is not there is refused by {@link PatchNextSteps}.
     */
    private Optional<HostSnapshot> host() {
        HostSnapshot snap = new HostReader(hostRoot).snapshot();
        return snap.devices().isEmpty() ? Optional.empty() : Optional.of(snap);
    }

    private static ByteSlice read(Path f) throws IOException {
        return InputFiles.slice(f, MAX_INPUT);
    }

    private static String name(Path f) {
        return f.getFileName() == null ? f.toString() : f.getFileName().toString();
    }
}
