package io.github.vbios.firmware.vendor;

import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * One Intel BIOS Guard (PFAT) block (firmware.md 3): a 0x30-byte header {u16 BGVerMajor,
 * u16 BGVerMinor, PlatformID[16], u32 Attributes (bit 0 SFAM: a signature follows the data),
 * u16/u16 script version, u32 ScriptSize, u32 DataSize, u32 BIOS SVN, u32 EC SVN, u32 VendorInfo},
 * the BIOS Guard script (8-byte opcodes from "begin" to "end"), then DataSize bytes of flash
 * content. Vendors cut a BIOS region into such blocks (Dell PFS, AMI PFAT), so an FV or option ROM
 * in the middle of the region is split by headers until the blocks are joined again.
 *
 * @param offset      where the header starts
 * @param scriptSize  bytes of script after the header
 * @param dataSize    bytes of flash content after the script
 * @param sfam        attribute bit 0: a signature follows the data
 * @param flashOffset the script's first immediate (set I0: where the data goes in flash), or -1
 */
record BiosGuardBlock(int offset, int scriptSize, int dataSize, boolean sfam, long flashOffset) {
    static final int HEADER = 0x30;
    /** The signature header (8 bytes) + RSA-2048 {modulus, exponent, signature} or RSA-3072. */
    static final int SIG_RSA2K = 8 + 0x204;
    static final int SIG_RSA3K = 8 + 0x304;
    private static final int MAX_SCRIPT = 0x10000;
    private static final int OPCODE = 8;
    private static final int OP_BEGIN = 0x01;
    private static final int OP_END = 0xFF;

    /** The block at {@code off}; empty when the bytes there are not one (bounds, script shape). */
    static Optional<BiosGuardBlock> at(ByteSlice d, int off) {
        if (off < 0 || !d.contains(off, HEADER)) {
            return Optional.empty();
        }
        long script = d.u32(off + 0x1C);
        long data = d.u32(off + 0x20);
        if (script < 2 * OPCODE || script > MAX_SCRIPT || script % OPCODE != 0
                || !d.contains(off + HEADER, script + data)) {
            return Optional.empty();
        }
        int s = off + HEADER;
        int last = s + (int) script - OPCODE;
        // BIOS Guard scripts open with "begin" (opcode 1) and close with "end" (opcode 0xFF)
        if (d.u16(s) != OP_BEGIN || d.u16(last) != OP_END) {
            return Optional.empty();
        }
        long flash = script >= 0x10 ? d.u32(s + 0x0C) : -1;
        return Optional.of(new BiosGuardBlock(off, (int) script, (int) data, (d.u32(off + 0x14) & 1) != 0, flash));
    }

    int dataOffset() {
        return offset + HEADER + scriptSize;
    }

    /** The end of the data (where a signature or the next block starts). */
    int end() {
        return dataOffset() + dataSize;
    }

    ByteSlice data(ByteSlice d) {
        return d.slice(dataOffset(), dataSize);
    }

    /**
     * Bytes of signature after the data: 0 without SFAM; else by the signature header's first
     * word (1: RSA-2048, 2 or 3: RSA-3072), else by where the next block with the same version
     * and platform starts; -1 when neither tells.
     */
    int signatureLength(ByteSlice d) {
        if (!sfam) {
            return 0;
        }
        if (d.contains(end(), 4)) {
            long kind = d.u32(end());
            if (kind == 1) {
                return SIG_RSA2K;
            }
            if (kind == 2 || kind == 3) {
                return SIG_RSA3K;
            }
        }
        byte[] marker = d.bytes(offset, 0x14);
        for (int len : new int[] {SIG_RSA2K, SIG_RSA3K}) {
            if (d.matches(end() + len, marker)) {
                return len;
            }
        }
        return -1;
    }
}
