package io.github.vbios.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutOfBoundsException;

/** Every read of {@link ByteSlice} either succeeds or throws its typed bounds exception. */
class ByteSliceFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void readsAreBoundsChecked(FuzzedDataProvider in) {
        long off = in.consumeLong(-8, 1 << 20);
        long len = in.consumeLong(-8, 1 << 20);
        ByteSlice s = ByteSlice.of(in.consumeRemainingAsBytes());
        try {
            s.u8(off);
            s.u32(off);
            s.u64(off);
            s.slice(off, len).sha256();
            s.asciiz(off, 64);
            s.sum8(off, len);
        } catch (OutOfBoundsException expected) {
            // the documented answer to an out-of-range read
        }
        s.clamp(Math.max(0, off), Math.max(0, len));
    }
}
