package io.github.vbios.acpi;

import io.github.vbios.io.VbiosException;
import java.util.Locale;

/** Where {@code _ROM} gets the ROM from: the tables themselves or a QEMU fw_cfg file. */
public enum SsdtMode {
    EMBED, FWCFG;

    /** ROMs over 192 KiB default to fw_cfg: fewer tables, and old SeaBIOS reserves only 256 KiB for them (1.3). */
    public static final long EMBED_DEFAULT_LIMIT = 192 * 1024;

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
