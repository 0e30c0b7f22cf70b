package io.github.vbios.firmware;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.sample.FirmwareBuilder;
import java.util.function.UnaryOperator;

/** Shared inputs and a one-call walk for the firmware tests. */
final class Fixtures {
    static final byte[] NV_ROM = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x8000);
    static final byte[] NET_ROM = FirmwareBuilder.optionRom(0x10EC, 0x8168, 0x020000, 0x2000);
    static final String NV_SHA = ByteSlice.of(NV_ROM).sha256();

    private Fixtures() {
    }

    static Extraction extract(byte[] input) {
        return Extractor.run(ByteSlice.of(input), "in.bin", Limits.defaults(), ExternalTools.none());
    }

    static Extraction extract(byte[] input, Limits limits) {
        return Extractor.run(ByteSlice.of(input), "in.bin", limits, ExternalTools.none());
    }

    /** A volume holding {@code payloadSections} in a freeform file. */
    static byte[] volumeWith(byte[] payloadSections) {
        return FirmwareBuilder.volume(FirmwareBuilder.ffsFile("11111111-2222-3333-4444-555555555555", 0x02,
                payloadSections));
    }

    /** A volume whose freeform file holds the NVIDIA ROM inside {@code wrap(raw section)}. */
    static byte[] romVolume(UnaryOperator<byte[]> wrap) {
        return volumeWith(wrap.apply(FirmwareBuilder.sections(FirmwareBuilder.rawSection(NV_ROM))));
    }

    static boolean hasNvRom(Extraction x) {
        return x.roms().stream().anyMatch(r -> r.sha256().equals(NV_SHA));
    }

    static String nvProvenance(Extraction x) {
        return x.roms().stream().filter(r -> r.sha256().equals(NV_SHA)).findFirst().orElseThrow().provenance().toString();
    }
}
