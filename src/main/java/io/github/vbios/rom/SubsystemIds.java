package io.github.vbios.rom;

import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;

/**
 * A PCI subsystem vendor:device pair: given by the user ({@code --subsystem 1025:1418}) or read
 * from an x86 image header (pre-Pascal NVIDIA ROMs carry the board's, rom-format.md 1.2).
 */
public record SubsystemIds(int vendorId, int deviceId) {
    /** {@code vvvv:dddd} in lower-case hex, as lspci prints it. */
    public String text() {
        return Hex.id16(vendorId) + ":" + Hex.id16(deviceId);
    }

    /** Parses {@code VVVV:DDDD} (hex, {@code 0x} allowed); rejects 0000 and ffff (acpi-vm.md 4 #8). */
    public static SubsystemIds parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":", -1);
        try {
            if (p.length == 2) {
                int v = Hex.parseId16(p[0]);
                int d = Hex.parseId16(p[1]);
                if (v != 0 && v != 0xFFFF && d != 0 && d != 0xFFFF) {
                    return new SubsystemIds(v, d);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new VbiosException(VbiosException.Kind.USAGE, "--subsystem '" + text
                + "': expected VVVV:DDDD in hex as lspci -nn prints it after 'Subsystem:' (e.g. 1025:1418), "
                + "neither half 0000 or ffff");
    }
}
