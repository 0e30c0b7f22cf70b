package io.github.vbios.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vbios info FILE...}: describe option ROMs and dumps; one failing file does not stop the others. */
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
    /** Largest input read; flash dumps are at most a few MiB, firmware images tens of MiB. */
    static final long MAX_INPUT = 512L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ROM files, dumps or images to describe")
    List<Path> files;

    @Option(names = "--json", description = "print one JSON document (schema 1) instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = ExitCodes.OK;
        ArrayNode docs = Json.mapper().createArrayNode();
        for (Path f : files) {
            String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
            ObjectNode doc = Json.mapper().createObjectNode();
            int code;
            try {
                code = one(f, name, doc, out, err);
            } catch (VbiosException e) {
                code = e.exitCode();
                fail(doc, name, e.getMessage(), err);
            } catch (IOException e) {
                code = e instanceof java.nio.file.AccessDeniedException ? ExitCodes.PERMISSION : ExitCodes.INVALID_INPUT;
                fail(doc, name, ioMessage(f, e), err);
            }
            docs.add(doc);
            worst = Math.max(worst, code);
        }
        if (json) {
            ObjectNode root = Json.document();
            if (docs.size() == 1) {
                root.setAll((ObjectNode) docs.get(0));
            } else {
                root.set("files", docs);
            }
            out.println(Json.write(root));
        }
        out.flush();
        return worst;
    }

    private int one(Path f, String name, ObjectNode doc, PrintWriter out, PrintWriter err) throws IOException {
        if (Files.isDirectory(f)) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, f + " is a folder; pass ROM files");
        }
        RomAnalysis a = RomAnalyzer.analyze(ByteSlice.readFile(f, MAX_INPUT));
        if (!a.isOptionRom()) {
            doc.put("file", name);
            doc.put("size", a.fileLength());
            doc.put("optionRom", false);
            doc.put("error", a.notARomReason());
            InfoJson.findings(doc.putArray("findings"), a.findings());
            err.println("vbios: " + name + ": " + a.notARomReason());
            return ExitCodes.INVALID_INPUT;
        }
        if (json) {
            InfoJson.file(doc, name, a);
        } else {
            InfoText.print(out, name, a);
        }
        return ExitCodes.OK;
    }

    private void fail(ObjectNode doc, String name, String message, PrintWriter err) {
        doc.put("file", name);
        doc.put("error", message);
        err.println("vbios: " + message);
    }

    private static String ioMessage(Path f, IOException e) {
        if (e instanceof NoSuchFileException) {
            return f + ": no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return f + ": permission denied (device ROMs in sysfs need root)";
        }
        return f + ": cannot read: " + e.getMessage();
    }
}
