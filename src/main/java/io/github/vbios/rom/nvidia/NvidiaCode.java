package io.github.vbios.rom.nvidia;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of the NVIDIA structures (BIT). Their ids are in the {@code rom} room
 * ({@code rom.bit-missing}), as the JSON has always said; the enum lives here so that
 * {@code rom.nvidia} needs nothing of {@code rom} (which uses it).
 */
public enum NvidiaCode implements FindingCode {
    /** The NVIDIA x86 image has no BIT table. */
    BIT_MISSING,
    /** The BIT table is cut short. */
    BIT_TRUNCATED,
    /** The BIT header checksum is not zero. */
    BIT_CHECKSUM_INVALID;

    @Override
    public String room() {
        return "rom";
    }
}
