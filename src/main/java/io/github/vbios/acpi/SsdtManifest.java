package io.github.vbios.acpi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.vbios.io.InputFiles;
import io.github.vbios.io.OutputFolder;
import io.github.vbios.io.VbiosException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code vbios ssdt} wrote into its output folder, as {@code DIR/vbios-ssdt.json}: the
 * contract with {@code vbios vm}, which reads it back to add {@code -acpitable} and
 * {@code -fw_cfg} arguments for the same files.
 *
 * @param schema    always 1
 * @param mode      "embed" (ROM inside the tables) or "fwcfg" (read from QEMU fw_cfg);
 *                  an unknown name in the file is invalid input
 * @param placement {@code scope}, {@code declare} or {@code auto} (acpi-vm.md 1.2)
 * @param acpiPath  the GPU node, e.g. {@code \_SB.PCI0.S08.S00}
 * @param tables    the {@code .aml} file names in DIR, in load order
 * @param fwCfg     the fw_cfg file (fwcfg mode) or null
 * @param romSha256 SHA-256 of the ROM the tables serve (lower-case hex)
 * @param romSize   its size in bytes
 */
@JsonPropertyOrder({"schema", "mode", "placement", "acpiPath", "tables", "fwCfg", "romSha256", "romSize"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SsdtManifest(int schema, SsdtMode mode, String placement, String acpiPath, List<String> tables,
                           FwCfg fwCfg, String romSha256, long romSize) {
    public static final String FILE_NAME = "vbios-ssdt.json";
    /** A manifest lists a handful of tables; anything larger is not ours. */
    static final long MAX_BYTES = 1L << 20;
    public static final int SCHEMA = 1;

    /**
     * The fw_cfg item QEMU must provide: {@code -fw_cfg name=NAME,file=DIR/FILE}.
     *
     * @param name fw_cfg name, e.g. {@code opt/io.github.vbios/vbios}
     * @param file file name of the ROM copy in DIR
     */
    public record FwCfg(String name, String file) {
        public FwCfg {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    public SsdtManifest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(acpiPath, "acpiPath");
        tables = List.copyOf(tables);
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** True in fwcfg mode (the ROM file must be passed with -fw_cfg). */
    public boolean usesFwCfg() {
        return mode == SsdtMode.FWCFG;
    }

    /** The JSON text written to {@link #FILE_NAME}. */
    @JsonIgnore
    public String toJson() {
        try {
            return Holder.MAPPER.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the manifest: " + e.getMessage(), e);
        }
    }

    /** Writes {@code vbios-ssdt.json} into the folder. */
    public Path write(OutputFolder out) throws IOException {
        return out.writeString(FILE_NAME, toJson());
    }

    /** Reads {@code DIR/vbios-ssdt.json}; a missing or malformed file is invalid input (exit 3). */
    public static SsdtManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, dir + ": no " + FILE_NAME
                    + " found; generate the tables first with: vbios ssdt --rom ROM -o " + dir);
        }
        SsdtManifest m;
        try {
            m = Holder.MAPPER.readValue(InputFiles.read(file, MAX_BYTES), SsdtManifest.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + ": not a vbios ssdt manifest ("
                    + e.getMessage() + ")", e);
        }
        if (m.schema() != SCHEMA) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, file + ": schema " + m.schema()
                    + " is not supported (expected " + SCHEMA + ")");
        }
        return m;
    }

    /**
     * The QEMU arguments that load these tables from {@code dir}, in order: one
     * {@code -acpitable file=...} per table, then {@code -fw_cfg name=...,file=...} in fwcfg mode.
     * Commas in paths are doubled, as QEMU's option parser requires.
     */
    @JsonIgnore
    public List<String> qemuArguments(Path dir) {
        List<String> args = new ArrayList<>();
        for (String t : tables) {
            args.add("-acpitable");
            args.add("file=" + qemuEscape(dir.resolve(t).toString()));
        }
        if (fwCfg != null) {
            args.add("-fw_cfg");
            args.add("name=" + fwCfg.name() + ",file=" + qemuEscape(dir.resolve(fwCfg.file()).toString()));
        }
        return args;
    }

    static String qemuEscape(String value) {
        return value.replace(",", ",,");
    }
}
