package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;

/** Entry point of the firmware room: walk an input completely and carve every option ROM. */
public final class Extractor {
    private Extractor() {
    }

    public static Extraction run(ByteSlice input, String name, Limits limits, ExternalTools tools) {
        RomCarver carver = new RomCarver();
        Walk walk = FirmwareExplorer.standard(tools).explore(input, name, limits, carver);
        return new Extraction(name, input.length(), input.sha256(), carver.roms(), walk.seen(), walk.findings(),
                walk.decodedBytes(), walk.incompleteReasons());
    }
}
