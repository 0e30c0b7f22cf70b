package io.github.vbios.acpi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Names that must differ between two GPUs' table sets loaded into one VM (issue 16): the OEM
 * table IDs and the prefix of the embedded ROM's data objects. Both are derived from the GPU's
 * ACPI path, so two sets generated separately for two paths never collide.
 *
 * <p>OEM table ID = {@code VB} + a 4-character device tag + a 2-character role. The tag of
 * {@code \_SB.PCI0.Sxx.Syy} (a GPU behind a root port, the usual case) is {@code xxyy}, of
 * {@code \_SB.PCI0.Syy} (root bus) {@code RByy}: distinct for distinct paths by construction.
 * Other paths get {@code H} + three hex digits of a CRC-32 of the path.
 */
public final class TableIds {
    /** Role of the method table of an embedded set. */
    public static final String ROM = "RM";
    /** Role of the fw_cfg method table. */
    public static final String FWCFG = "FC";
    /** The battery is one per VM, not per GPU: its table keeps a fixed ID. */
    public static final String BATTERY = "VBIOSBAT";

    private TableIds() {
    }

    /** The 4-character device tag of {@code path}. */
    public static String tag(AcpiPath path) {
        List<String> s = path.segments();
        if (s.size() >= 3 && s.size() <= 4 && s.get(0).equals("_SB_") && s.get(1).equals("PCI0")
                && s.subList(2, s.size()).stream().allMatch(seg -> seg.matches("S[0-9A-F]{2}_"))) {
            String last = s.get(s.size() - 1).substring(1, 3);
            return s.size() == 3 ? "RB" + last : s.get(2).substring(1, 3) + last;
        }
        CRC32 crc = new CRC32();
        crc.update(path.toString().getBytes(StandardCharsets.US_ASCII));
        return String.format(Locale.ROOT, "H%03X", crc.getValue() & 0xFFF);
    }

    /** The OEM table ID of the table with {@code role} in the set for {@code path}. */
    public static String table(AcpiPath path, String role) {
        return "VB" + tag(path) + role;
    }

    /** The prefix of the embedded data objects: inside the GPU node, {@code \_SB.PCI0.S08.S00.VD}. */
    public static String dataPrefix(AcpiPath path) {
        return path + ".VD";
    }
}
