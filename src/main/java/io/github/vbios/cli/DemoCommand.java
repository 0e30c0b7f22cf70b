package io.github.vbios.cli;

import io.github.vbios.io.OutputFolder;
import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbios demo}: every command on generated samples (issue 8), so a newcomer sees each
 * output without real firmware or a GPU. Each step runs the real command in this process, exactly
 * as typed on the printed command line.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run every command on generated samples: an NVIDIA-like flash dump (NVGI v3), a laptop firmware",
            "image with an LZMA-compressed volume holding the same ROM, and an Optimus laptop's sysfs tree.",
            "Runs info, patch, extract, ssdt, doctor, vm and optimus, writes everything to the demo folder",
            "(its own files there are rewritten) and ends with a short tour."},
        footerHeading = "%nExamples:%n",
        footer = {"  vbios demo                   writes ./vbios-demo/ and prints each step",
            "  vbios demo -o ~/demo         another folder"})
public final class DemoCommand implements Callable<Integer> {
    static final String DUMP = "nvidia-flash-dump.rom";
    static final String FIRMWARE = "laptop-bios.fd";
    static final String HOST = "host";

    @Spec
    CommandSpec spec;

    @Option(names = "-o", paramLabel = "DIR", description = "demo folder (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("vbios-demo");

    @Option(names = "--quiet", description = "print only the command lines, their exit status and the tour")
    boolean quiet;

    /** One step: the arguments after "vbios", the exit statuses that are expected, and why it is there. */
    // the argv of one demo step, only ever passed to Main.run, never compared
    @SuppressWarnings("ArrayRecordComponent")
    record Step(String why, List<Integer> expected, String... args) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        OutputFolder folder = OutputFolder.open(dir, true);
        folder.write(DUMP, DemoSamples.flashDump());
        folder.write(FIRMWARE, DemoSamples.laptopFirmware());
        folder.commit();
        Path host = folder.root().resolve(HOST);
        if (!Files.isDirectory(host)) {
            SampleHosts.optimusLaptop(host, NvidiaSample.DEVICE);
        }
        out.println("vbios demo: samples in " + dir + "/: " + DUMP + " (NVGI v3 flash dump, "
                + String.format("10de:%04x", NvidiaSample.DEVICE) + "), " + FIRMWARE
                + " (laptop firmware, ROM in an LZMA volume), " + HOST + "/ (Optimus laptop sysfs tree)");
        int worst = 0;
        for (Step s : steps()) {
            worst = Math.max(worst, runStep(s, out));
        }
        tour(out);
        out.flush();
        return worst;
    }

    private List<Step> steps() {
        String h = dir.resolve(HOST).toString();
        List<Step> s = new ArrayList<>();
        s.add(new Step("what is in the dump?", List.of(0), "info", dir.resolve(DUMP).toString()));
        s.add(new Step("cut the romfile QEMU needs out of the dump", List.of(0),
                "patch", dir.resolve(DUMP).toString(), "-o", dir.resolve("romfile.rom").toString(), "--force"));
        s.add(new Step("find the VBIOS inside the laptop BIOS image", List.of(0),
                "extract", dir.resolve(FIRMWARE).toString(), "-o", dir.resolve("extracted").toString(), "--force"));
        s.add(new Step("ACPI tables that hand the ROM to the guest driver (_ROM + battery)", List.of(0),
                "ssdt", "--rom", dir.resolve("romfile.rom").toString(), "--guest-address", "01:00.0",
                "--root-port", "00:1c.0", "-o", dir.resolve("ssdt").toString(), "--force"));
        s.add(new Step("is the (sample) host ready? its dGPU shares an IOMMU group with an NVMe drive", List.of(0, 6),
                "doctor", "--host-root", h));
        s.add(new Step("a QEMU start script for the host's dGPU with romfile and tables", List.of(0),
                "vm", "qemu", "--device", SampleHosts.LAPTOP_DGPU, "--host-root", h,
                "--romfile", dir.resolve("romfile.rom").toString(), "--ssdt", dir.resolve("ssdt").toString(),
                "-o", dir.resolve("start-vm.sh").toString(), "--force"));
        s.add(new Step("all of it in one go, from the BIOS image (it also holds the iGPU ROM)", List.of(0),
                "optimus", dir.resolve(FIRMWARE).toString(), "-o", dir.resolve("optimus").toString(),
                "--ids", String.format("10de:%04x", NvidiaSample.DEVICE), "--host-root", h, "--force"));
        return s;
    }

    /** Runs one step in-process; prints its command line, its output (unless --quiet) and its status. */
    private int runStep(Step s, PrintWriter out) {
        out.println();
        out.println("# " + s.why());
        out.println("$ vbios " + String.join(" ", s.args()));
        StringWriter buf = new StringWriter();
        int code = Main.run(s.args(), new PrintWriter(buf, true), new PrintWriter(buf, true));
        if (!quiet) {
            buf.toString().lines().limit(40).forEach(l -> out.println("  " + l));
        }
        boolean expected = s.expected().contains(code);
        out.println("  -> exit " + code + (expected ? "" : " (unexpected)"));
        return expected ? 0 : Math.max(code, ExitCodes.INTERNAL);
    }

    private void tour(PrintWriter out) {
        out.println();
        out.println("Tour of " + dir + "/:");
        out.println("  " + DUMP + "        the sample flash dump; romfile.rom is its PCI view (vbios patch)");
        out.println("  " + FIRMWARE + "           the sample laptop BIOS; extracted/ holds the ROMs vbios extract found");
        out.println("  ssdt/                   _ROM and battery tables (.aml) with readable .dsl (vbios ssdt)");
        out.println("  start-vm.sh             QEMU start script: vfio-pci + root port + -acpitable for the sample host (vbios vm qemu)");
        out.println("  optimus/                everything at once; start with optimus/NEXT-STEPS.md");
        out.println("Try the same on your files: vbios optimus YOUR-BIOS-UPDATE -o vm/   (vbios --help lists all commands)");
    }
}
