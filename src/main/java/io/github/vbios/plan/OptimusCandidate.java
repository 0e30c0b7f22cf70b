package io.github.vbios.plan;

import io.github.vbios.firmware.CarvedRom;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.SubsystemIds;
import java.util.Locale;

/**
 * One video BIOS {@code vbios optimus} could use, numbered as listed to the user ({@code --pick N}).
 * The ROM's bytes are already its PCI view, i.e. the clean romfile.
 */
public record OptimusCandidate(int number, CarvedRom rom) {
    public int size() {
        return rom.pciView().length();
    }

    /** "10de:0648" */
    public String ids() {
        return Hex.id16(rom.vendorId()) + ":" + Hex.id16(rom.deviceId());
    }

    /** Subsystem "vvvv:dddd" from the ROM's x86 header, or null when the ROM does not carry them. */
    public String subsystem() {
        return rom.subsystem().map(SubsystemIds::text).orElse(null);
    }

    /** One line of the candidate list: number, IDs, size, version, provenance. */
    public String describe() {
        String sub = subsystem() == null ? "" : " subsystem " + subsystem();
        String version = rom.version() == null ? "version unknown" : "version " + rom.version();
        String checksum = rom.checksumValid() ? "" : ", checksum BAD";
        return String.format(Locale.ROOT, "%2d. %s%s, %d bytes, %s%s, sha256 %s..., from %s", number, ids(),
                sub, size(), version, checksum, rom.sha256().substring(0, 12), rom.provenance());
    }
}
