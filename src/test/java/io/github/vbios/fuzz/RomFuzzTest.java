package io.github.vbios.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomScanner;

/**
 * The ROM room on hostile input (rom-format.md 1.9): the analyzer and the scanner always return a
 * result (with findings); any exception is a finding of the fuzzer.
 */
class RomFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void analyze(byte[] input) {
        ByteSlice file = ByteSlice.of(input);
        RomAnalysis a = RomAnalyzer.analyze(file);
        if (!a.isOptionRom()) {
            a.notARomReason();
        }
        a.allImages();
        RomScanner.scan(file);
    }
}
