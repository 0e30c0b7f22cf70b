package io.github.vbios.cli;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.firmware.ExtractPlan;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.firmware.Limits;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.io.Severity;
import io.github.vbios.io.VbiosException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios extract IN -o DIR}: every option ROM inside an update, firmware image, archive or .reg export. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {
            "Find every video BIOS inside a BIOS update, firmware image, capsule, archive",
            "(zip, 7z, gzip, xz, tar, cab; RAR through unar), vendor package (Dell PFS and",
            "BIOS Guard, AMI UCP and BIOS Guard, Insyde iFlash/iFdPacker, Phoenix TDK), GPU flash",
            "dump or .reg export.",
            "With -o OUT (a folder, which must be empty unless --force), each distinct display ROM is written",
            "as a clean romfile OUT/vbios_VVVV_DDDD.rom (NVIDIA first); OUT/report.json lists every ROM,",
            "its provenance, the containers walked and all findings. Exit 4: no VBIOS;",
            "exit 8: part of the input could not be examined (e.g. a RAR archive without unar:",
            "the finding names the package to install); what was found is still written."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vbios extract bios-update.exe -o out/   write vbios_*.rom + report.json",
            "  vbios extract QLXL3F22.fd               list what is inside, write nothing",
            "  vbios extract --all image.fd -o out/    also storage and network ROMs",
            "  vbios extract --json display.reg        VBIOS from a registry export",
            "  vbios extract gpu-flash.rom -o out/     NVGI/NVFW flash dump -> PCI view"})
public final class ExtractCommand implements Callable<Integer> {
    static final long MAX_INPUT = Integer.MAX_VALUE - 64;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Update, firmware image, archive, ROM dump or .reg export.")
    Path input;

    @Mixin
    OutputOptions common;

    @Option(names = "--all", description = "Write every option ROM (storage, network, ...), not only display ROMs.")
    boolean all;

    @Option(names = "--nvidia-view", description = "Also write the NVIDIA view (the romfile plus the NVIDIA-only"
            + " images after it, what _ROM must serve) of layout-A NVIDIA ROMs as OUT/vbios_VVVV_DDDD-nvidia.rom.")
    boolean nvidiaView;

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Containers nested deeper are not opened (default ${DEFAULT-VALUE}, at most 4096).")
    int maxDepth = Limits.defaults().maxDepth();

    @Option(names = "--max-total", paramLabel = "SIZE", description = "Bytes all decoders may produce together, e.g. 1G (default 1G).")
    String maxTotal = "1G";

    @Option(names = "--max-stream", paramLabel = "SIZE", description = "Bytes one decoded stream may produce, e.g. 64M (default 64M).")
    String maxStream = "64M";

    @Option(names = "--deadline", paramLabel = "TIME",
            description = "Stop examining after this wall-clock time, e.g. 60s, 5m, 0 for none (default 120s).")
    String deadline = "120s";

    @Option(names = "--no-external", description = "Never run innoextract, upx, unar or unrar, even when installed.")
    boolean noExternal;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Limits limits = limits();
        // checked first (it creates nothing), so a non-empty DIR is refused before a long unpack
        try (OutputFolder folder = common.output == null ? null
                : OutputFolder.begin(common.output, common.force, Inputs.of(input))) {
            return extract(InputFiles.slice(input, MAX_INPUT), folder, limits, out, err);
        }
    }

    private int extract(ByteSlice data, OutputFolder folder, Limits limits, PrintWriter out, PrintWriter err)
            throws IOException {
        boolean progress = data.length() > 8 * Limits.MIB && Terminal.interactive();
        if (progress) {
            err.println("vbios: unpacking " + input.getFileName() + " (" + data.length() / Limits.MIB + " MiB)...");
            err.flush();
        }
        Extraction x = Extractor.run(data, input.getFileName().toString(), limits,
                noExternal ? ExternalTools.off() : ExternalTools.system());
        ExtractPlan plan = ExtractPlan.of(x, all);
        if (folder != null) {
            write(folder, plan);
            folder.writeString("report.json", ExtractJson.render(x, plan, folder.root().toString(), nvidiaView));
            folder.commit();
        }
        if (common.json) {
            out.println(ExtractJson.render(x, plan, folder == null ? null : folder.root().toString(),
                    nvidiaView && folder != null));
        } else {
            text(out, x, plan);
        }
        out.flush();
        if (x.isIncomplete()) {
            err.println("vbios: " + input.getFileName() + ": incomplete: the input could not be fully examined ("
                    + Incomplete.codes(x.incomplete()) + "); " + advice(x));
            err.flush();
            return ExitCodes.INCOMPLETE;
        }
        return plan.found() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }

    /** What to change so the next run examines more. */
    private static String advice(Extraction x) {
        List<String> a = new ArrayList<>();
        for (Incomplete i : x.incomplete()) {
            switch (i) {
                case DECODE_BUDGET -> a.add("raise --max-total");
                case DEADLINE -> a.add("raise --deadline");
                case STREAM_LIMIT -> a.add("raise --max-stream");
                case DEPTH_LIMIT -> a.add("raise --max-depth (at most " + Limits.MAX_DEPTH + ")");
                case OUT_OF_MEMORY -> a.add("give Java more heap, e.g. VBIOS_JAVA_OPTS=-Xmx4g");
                default -> a.add("see the findings (" + i.code() + ")");
            }
        }
        return String.join(", ", a.stream().distinct().toList()) + (x.roms().isEmpty() ? ""
                : "; what was found is written");
    }

    private Limits limits() {
        try {
            long total = parseSize("--max-total", maxTotal);
            long stream = parseSize("--max-stream", maxStream);
            if (stream > Integer.MAX_VALUE - 64) {
                throw new NumberFormatException("--max-stream must be below 2G");
            }
            return new Limits(maxDepth, total, (int) stream, Limits.defaults().maxRatio(), parseDuration(deadline));
        } catch (IllegalArgumentException e) {
            throw new VbiosException(VbiosException.Kind.USAGE, e.getMessage());
        }
    }

    /** Milliseconds of {@code 250ms}, {@code 60s}, {@code 5m}, {@code 1h} or plain seconds; 0 means none. */
    static long parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1000;
        if (t.endsWith("ms")) {
            unit = 1;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s") || t.endsWith("m") || t.endsWith("h")) {
            unit = t.endsWith("s") ? 1000 : t.endsWith("m") ? 60_000 : 3_600_000;
            t = t.substring(0, t.length() - 1);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("--deadline takes a time like 60s, 5m or 0, not '" + s + "'");
        }
        if (v < 0 || v > Long.MAX_VALUE / 3_600_000) {
            throw new NumberFormatException("--deadline out of range: '" + s + "'");
        }
        return v * unit;
    }

    /**
     * Bytes of {@code 512K}, {@code 64M}, {@code 1G} or a plain number; {@code option} names the
     * option in the error, which quotes the value as the user typed it.
     */
    static long parseSize(String option, String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(option + " takes a size like 64M, 1G or 512K (bytes), not '" + s + "'");
        }
        if (v < 0 || v > (Long.MAX_VALUE >> 31)) {
            throw new NumberFormatException(option + " out of range: '" + s + "'");
        }
        return v * unit;
    }

    private void write(OutputFolder folder, ExtractPlan plan) throws IOException {
        for (ExtractPlan.Output o : plan.outputs()) {
            if (o.written()) {
                folder.write(o.fileName(), o.rom().pciView().toArray());
                if (nvidiaView && o.rom().nvidiaViewLonger()) {
                    folder.write(nvidiaViewName(o.fileName()), o.rom().nvidiaView().toArray());
                }
            }
        }
    }

    /** {@code vbios_10de_0fc6.rom} -> {@code vbios_10de_0fc6-nvidia.rom}. */
    static String nvidiaViewName(String romfile) {
        return romfile.replaceFirst("\\.rom$", "") + "-nvidia.rom";
    }

    private static void text(PrintWriter out, Extraction x, ExtractPlan plan) {
        for (ExtractPlan.Output o : plan.outputs()) {
            CarvedRom r = o.rom();
            String version = r.version() == null ? "" : " version " + r.version();
            out.printf("%s:%s %s %d bytes%s checksum %s sha256 %s%s at %s%n", Hex.id16(r.vendorId()),
                    Hex.id16(r.deviceId()), r.kind(), r.pciView().length(), version, r.checksumValid() ? "ok" : "BAD",
                    r.sha256().substring(0, 16), o.written() ? " -> " + o.fileName() : "", r.provenance());
            if (r.nvidiaViewLonger()) {
                out.printf("  NVIDIA view %d bytes sha256 %s (layout A: NVIDIA-only images after the romfile; _ROM "
                        + "serves them; write with --nvidia-view)%n", r.nvidiaView().length(),
                        r.nvidiaView().sha256().substring(0, 16));
            }
        }
        long warnings = x.findings().stream().filter(f -> f.finding().severity() != Severity.INFO).count();
        String walked = x.containerCounts().isEmpty() ? "no firmware structure (scanned as one area)"
                : x.containerCounts().toString();
        out.printf("walked %s; %d findings (%d warnings)%n", walked, x.findings().size(), warnings);
        out.println(plan.verdict());
        if (x.isIncomplete()) {
            out.println("incomplete: the input could not be fully examined (" + Incomplete.codes(x.incomplete()) + ")");
        }
    }
}
