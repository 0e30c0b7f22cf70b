package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Wraps an option-ROM chain into an NVIDIA full-flash container (rom-format.md 1.8): NVGI/IFR
 * v1, v2, v3 (+RFRD directory) or Blackwell's NVFW + RFRD v4. Fill is 0xFF like most dumps.
 */
public final class NvidiaContainerBuilder {
    /** Where the corpus dumps put the option ROM: GK107 0x400, Pascal 0xA00, TU117 0x4600. */
    public static final int V1_START = 0x400;
    public static final int V2_START = 0xA00;
    public static final int V3_START = 0x4600;
    public static final int V3_RFRD = 0x4000;
    public static final int V4_NVFW = 0x1000;
    public static final int V4_RFRD = 0x3000;
    public static final int V4_START = 0x3400;

    private NvidiaContainerBuilder() {
    }

    /** NVGI v1 or v2: fixed-data size 0x10, u32 at 0x14 = option ROM offset. */
    public static byte[] nvgi(int version, byte[] chain, int tailBytes) {
        int start = version == 1 ? V1_START : V2_START;
        ByteBuffer b = buffer(start + chain.length + tailBytes);
        nvgiHeader(b, version);
        b.putInt(0x14, start);
        b.put(start, chain);
        return b.array();
    }

    /** NVGI v3: total-data size 0x32C, u32 there = 0x3000, RFRD v2 at 0x4000 pointing at 0x4600. */
    public static byte[] nvgiV3(byte[] chain, int tailBytes) {
        ByteBuffer b = buffer(V3_START + chain.length + tailBytes);
        nvgiHeader(b, 3);
        b.putInt(8, 0x32C);
        b.putInt(0x32C, V3_RFRD - 0x1000);
        rfrd(b, V3_RFRD, 2, V3_START, chain.length);
        b.put(V3_START, chain);
        return b.array();
    }

    /** NVFW at 0x1000 and an RFRD v4 directory whose +8 is relative to the NVFW (Blackwell). */
    public static byte[] nvfw(byte[] chain, int tailBytes) {
        ByteBuffer b = buffer(V4_START + chain.length + tailBytes);
        b.put(V4_NVFW, "NVFW".getBytes(StandardCharsets.US_ASCII));
        rfrd(b, V4_RFRD, 4, V4_START - V4_NVFW, chain.length);
        b.put(V4_START, chain);
        return b.array();
    }

    private static void nvgiHeader(ByteBuffer b, int version) {
        b.put(0, "NVGI".getBytes(StandardCharsets.US_ASCII));
        b.putInt(4, (0x10 << 16) | (version << 8));
        b.putInt(0x10, 0x0000E208);
    }

    /** RFRD directory header (rom-format.md 1.8): version, length 0x20, option-ROM offset, chain length. */
    static void rfrd(ByteBuffer b, int at, int version, int romOffset, int chainLength) {
        b.put(at, "RFRD".getBytes(StandardCharsets.US_ASCII));
        b.putShort(at + 4, (short) version);
        b.putShort(at + 6, (short) 0x20);
        b.putInt(at + 8, romOffset);
        b.putInt(at + 0x0C, chainLength);
    }

    private static ByteBuffer buffer(int size) {
        ByteBuffer b = ByteBuffer.wrap(OptionRomBuilder.filled(size, 0xFF)).order(ByteOrder.LITTLE_ENDIAN);
        return b;
    }
}
