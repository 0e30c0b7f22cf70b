package io.github.vbios.acpi;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;

/**
 * The ROM {@code _ROM} will serve, checked by the rom room first: it must be a clean romfile
 * (exactly the PCI view, rom-format.md 1.9.2), because the guest driver reads it from offset 0
 * expecting {@code 55 AA}. With {@code clean} the PCI view is cut out on the fly.
 *
 * @param bytes    what the tables will contain
 * @param cleaned  true when the PCI view was cut out of a larger file
 * @param analysis what the rom room said about the input
 */
public record RomInput(byte[] bytes, boolean cleaned, RomAnalysis analysis) {
    /** Analyses {@code file} (named {@code name} in messages); throws exit-3 errors with the fix to run. */
    public static RomInput check(ByteSlice file, String name, boolean clean) {
        RomAnalysis a = RomAnalyzer.analyze(file);
        if (!a.isOptionRom()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": " + a.notARomReason());
        }
        if (a.verdict().shadowCopySuspect()) {
            // a boot GPU's shadow copy was changed at boot: the tables would serve it to the guest driver (issue 15)
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": this is " + a.verdict().shadow().sentence()
                    + "; way out: " + io.github.vbios.rom.ShadowCopy.wayOutLine(null));
        }
        if (a.verdict().romfileReady()) {
            return new RomInput(file.toArray(), false, a);
        }
        long start = a.pciView().start();
        long end = a.pciView().end();
        if (a.pciView().truncated()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": the option ROM is truncated (its "
                    + "PCI chain claims bytes past the end of the file); the tables would serve a broken VBIOS");
        }
        if (!clean) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, name + ": not a clean romfile: the PCI view is "
                    + Hex.offset(start) + "-" + Hex.offset(end) + " of a " + file.length() + "-byte file ("
                    + String.join("; ", a.verdict().warnings()) + "). Run: vbios patch " + name + " -o "
                    + suggested(name) + " and use that file, or pass --clean to cut it out on the fly");
        }
        return new RomInput(file.slice(start, end - start).toArray(), true, a);
    }

    static String suggested(String name) {
        String file = java.nio.file.Path.of(name).getFileName().toString();
        return file.replaceAll("\\.(rom|bin)$", "") + "-romfile.rom";
    }
}
