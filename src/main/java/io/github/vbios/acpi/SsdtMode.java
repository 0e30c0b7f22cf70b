package io.github.vbios.acpi;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.vbios.io.VbiosException;
import java.util.Locale;

/** Where {@code _ROM} gets the ROM from: the tables themselves or a QEMU fw_cfg file. */
public enum SsdtMode {
    EMBED, FWCFG;

    /** ROMs over 192 KiB default to fw_cfg: fewer tables, and old SeaBIOS reserves only 256 KiB for them (1.3). */
    public static final int EMBED_DEFAULT_LIMIT_KIB = 192;
    public static final long EMBED_DEFAULT_LIMIT = EMBED_DEFAULT_LIMIT_KIB * 1024L;
    /** The limit as help texts and notes print it; a constant expression, so option annotations can use it. */
    public static final String EMBED_DEFAULT_LIMIT_TEXT = EMBED_DEFAULT_LIMIT_KIB + " KiB";

    /** The name on the command line and in {@code vbios-ssdt.json}: {@code embed} or {@code fwcfg}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SsdtMode defaultFor(long romSize) {
        return romSize > EMBED_DEFAULT_LIMIT ? FWCFG : EMBED;
    }

    public static SsdtMode parse(String text) {
        for (SsdtMode m : values()) {
            if (m.id().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new VbiosException(VbiosException.Kind.USAGE, "mode '" + text + "' is not embed or fwcfg");
    }
}
