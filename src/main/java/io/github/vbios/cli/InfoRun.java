package io.github.vbios.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.EfiPayloadMemo;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
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
    /** The run's decoded GOP drivers: a collection of ROMs shares few distinct ones. */
    private final EfiPayloadMemo memo;

    InfoRun(boolean json, PrintWriter out, PrintWriter err, EfiPayloadMemo memo) {
        this.json = json;
        this.out = out;
        this.err = err;
        this.memo = memo;
    }

    /** A file read and analysed by a pool thread, or the failure to report for it. */
    record Loaded(RomAnalysis analysis, Exception failure) {
    }

    int run(List<Path> files) {
        if (json && files.size() > 1) {
            return runJsonStream(files);
        }
        int worst = ExitCodes.OK;
        OrderedPool<Loaded> pool = new OrderedPool<>(files.size(), i -> load(files.get(i)));
        for (int k = 0; k < files.size(); k++) {
            ObjectNode doc = json ? Json.document() : null;
            worst = Math.max(worst, report(files.get(k), pool.take(k), doc));
            if (doc != null) {
                out.println(Json.write(doc));
            }
        }
        out.flush();
        return worst;
    }

    /**
     * Several files as {"schema":1,"files":[...]}: each file's object is written as soon as it is
     * ready, so a batch of thousands never holds the whole document (tree or text) in memory.
     */
    private int runJsonStream(List<Path> files) {
        int worst = ExitCodes.OK;
        OrderedPool<Loaded> pool = new OrderedPool<>(files.size(), i -> load(files.get(i)));
        try (JsonGenerator gen = Json.generator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("schema", Json.SCHEMA);
            gen.writeArrayFieldStart("files");
            for (int k = 0; k < files.size(); k++) {
                ObjectNode doc = Json.object();
                worst = Math.max(worst, report(files.get(k), pool.take(k), doc));
                Json.writeTree(gen, doc);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new VbiosException(VbiosException.Kind.INTERNAL, "cannot write JSON: " + e.getMessage());
        }
        out.println();
        out.flush();
        return worst;
    }

    /** Reports one loaded file into {@code doc} (JSON) or as text; returns its exit code. */
    private int report(Path f, Loaded loaded, ObjectNode doc) {
        String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
        try {
            return one(name, loaded, doc);
        } catch (VbiosException e) {
            fail(doc, name, e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            fail(doc, name, ioMessage(f, e));
            return e instanceof AccessDeniedException ? ExitCodes.PERMISSION : ExitCodes.INVALID_INPUT;
        }
    }

    private Loaded load(Path f) {
        try {
            return new Loaded(RomAnalyzer.analyze(InputFiles.slice(f, MAX_INPUT), memo), null);
        } catch (IOException | VbiosException e) {
            return new Loaded(null, e);
        }
    }

    private int one(String name, Loaded loaded, ObjectNode doc) throws IOException {
        if (loaded.failure() instanceof IOException e) {
            throw e;
        }
        if (loaded.failure() instanceof VbiosException e) {
            throw e;
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
        if (e instanceof AccessDeniedException) {
            return f + ": permission denied (device ROMs in sysfs need root)";
        }
        return f + ": cannot read: " + e.getMessage();
    }
}
