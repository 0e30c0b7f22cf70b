package io.github.vbios.plan;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.io.VbiosException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code vbios optimus} was asked for (issue 8). Nullable: {@code device}, {@code ids},
 * {@code pick}, {@code hostRoot} (null: the running host), {@code mode} (null: by ROM size).
 *
 * @param ids  {@code VVVV:DDDD} of the ROM to use (vendor and device, not subsystem)
 * @param pick 1-based number of a candidate in the list printed when several remain
 */
// ids is a {vendor, device} pair read once by the selection; the request is never compared
@SuppressWarnings("ArrayRecordComponent")
public record OptimusRequest(Path input, Path outDir, String device, int[] ids, Integer pick, Path hostRoot,
                             SsdtMode mode, boolean force) {
    /** Parses {@code --ids VVVV:DDDD} (hex). */
    public static int[] parseIds(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split(":", -1);
        if (p.length != 2 || !p[0].matches("(0x)?[0-9a-f]{1,4}") || !p[1].matches("(0x)?[0-9a-f]{1,4}")) {
            throw new VbiosException(VbiosException.Kind.USAGE,
                    "--ids '" + text + "' is not VVVV:DDDD (hex vendor and device IDs, e.g. 10de:0648)");
        }
        return new int[] {Integer.parseInt(p[0].replace("0x", ""), 16), Integer.parseInt(p[1].replace("0x", ""), 16)};
    }
}
