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

/** One `vbios info` run over several files: analyse ahead on all cores, render in argument order. */
final class InfoRun {
    /** Largest input read; flash dumps are at most a few MiB, firmware images tens of MiB. */
    static final long MAX_INPUT = 512L << 20;

    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    InfoRun(boolean json, PrintWriter out, PrintWriter err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** A file read and analysed by a pool thread, or the failure to report for it. */
    record Loaded(RomAnalysis analysis, IOException failure) {
    }

    int run(List<Path> files) {
        int worst = ExitCodes.OK;
        ArrayNode docs = json ? Json.mapper().createArrayNode() : null;
        OrderedPool<Loaded> pool = new OrderedPool<>(files.size(), i -> load(files.get(i)));
        for (int k = 0; k < files.size(); k++) {
            Path f = files.get(k);
            String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
            ObjectNode doc = json ? Json.mapper().createObjectNode() : null;
            int code;
            try {
                code = one(name, pool.take(k), doc);
            } catch (VbiosException e) {
                code = e.exitCode();
                fail(doc, name, e.getMessage());
            } catch (IOException e) {
                code = e instanceof java.nio.file.AccessDeniedException ? ExitCodes.PERMISSION : ExitCodes.INVALID_INPUT;
                fail(doc, name, ioMessage(f, e));
            }
            if (docs != null) {
                docs.add(doc);
            }
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

    static Loaded load(Path f) {
        try {
            if (Files.isDirectory(f)) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, f + " is a folder; pass ROM files");
            }
            return new Loaded(RomAnalyzer.analyze(ByteSlice.readFile(f, MAX_INPUT)), null);
        } catch (IOException e) {
            return new Loaded(null, e);
        }
    }

    private int one(String name, Loaded loaded, ObjectNode doc) throws IOException {
        if (loaded.failure() != null) {
            throw loaded.failure();
        }
        RomAnalysis a = loaded.analysis();
        if (!a.isOptionRom()) {
            if (doc != null) {
                doc.put("file", name);
                doc.put("size", a.fileLength());
                doc.put("optionRom", false);
                doc.put("error", a.notARomReason());
                InfoJson.findings(doc.putArray("findings"), a.findings());
            }
            err.println("vbios: " + name + ": " + a.notARomReason());
            return ExitCodes.INVALID_INPUT;
        }
        if (doc != null) {
            InfoJson.file(doc, name, a);
        } else {
            InfoText.print(out, name, a);
        }
        return ExitCodes.OK;
    }

    private void fail(ObjectNode doc, String name, String message) {
        if (doc != null) {
            doc.put("file", name);
            doc.put("error", message);
        }
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
