package io.github.vbios.firmware;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vbios.firmware.archive.Gzip;
import io.github.vbios.firmware.archive.RegExport;
import io.github.vbios.firmware.archive.SevenZ;
import io.github.vbios.firmware.archive.Xz;
import io.github.vbios.firmware.archive.Zip;
import io.github.vbios.firmware.archive.ZlibStream;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.firmware.uefi.Capsule;
import io.github.vbios.firmware.uefi.FlashDescriptor;
import io.github.vbios.firmware.vendor.DellPfs;
import io.github.vbios.fuzz.FuzzBudget;
import io.github.vbios.io.ByteSlice;
import java.util.List;

/**
 * Jazzer targets for the firmware room, one per format family (firmware.md 2-3): each explores the
 * input with only that family's containers (plus the raw-area scan every blob falls back to), so
 * the fuzzer's coverage feedback stays on one parser. Contract: a walk never throws; anything that
 * escapes is a finding. Small limits keep each execution fast; hitting them is a finding of the
 * walk, not of the fuzzer. Seeds: {@code FirmwareJazzerTestInputs/<method>/} (see fuzz.Seeds).
 */
class FirmwareJazzerTest {
    private static final Limits LIMITS = new Limits(8, 16L << 20, 4 << 20, Limits.defaults().maxRatio());

    private static void explore(byte[] input, Container... containers) {
        new FirmwareExplorer(List.of(containers)).explore(ByteSlice.of(input), "fuzz", LIMITS, new RomCarver());
    }

    /** Raw-area scan: firmware volumes, FFS v2/v3 files, sections, nested compression (2.4-2.7). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void volumes(byte[] input) {
        explore(input);
    }

    /** EFI/FMP/AMI/Toshiba capsules (2.2) and the Intel flash descriptor (2.3). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void capsuleAndDescriptor(byte[] input) {
        explore(input, new Capsule(), new FlashDescriptor());
    }

    /** Windows registry exports (.reg, UTF-16LE, hex: values with continuations). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void reg(byte[] input) {
        explore(input, new RegExport());
    }

    /** zip, 7z, gzip, xz through Commons Compress / xz-java, with our size limits (3). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void archives(byte[] input) {
        explore(input, new Zip(), new SevenZ(), new Gzip(), new Xz());
    }

    /** Dell PFS/HDR payloads and bare zlib streams (3). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void dellAndZlib(byte[] input) {
        explore(input, new DellPfs(), new ZlibStream());
    }

    /** The whole pipeline of {@code vbios extract} (no external tools). */
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void extractor(byte[] input) {
        Extractor.run(ByteSlice.of(input), "fuzz", LIMITS, ExternalTools.none());
    }
}
