package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes the NVIDIA full-flash containers (rom-format.md 1.8) in front of an option-ROM chain:
 * NVGI/IFR v1, v2, v3 (+RFRD directory) or Blackwell's NVFW + RFRD v4, with the offsets of the
 * corpus dumps. Fill is 0xFF like most dumps. The one writer of these headers: the demo wraps its
 * chain here, and the test-side {@code NvidiaDumpBuilder} takes its headers from here.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class NvidiaContainerBuilder {
    /** Where the corpus dumps put the option ROM: GK107 0x400, Pascal 0xA00, TU117 0x4600. */
    public static final int V1_START = 0x400;
    public static final int V2_START = 0xA00;
    public static final int V3_START = 0x4600;
    public static final int V3_RFRD = 0x4000;
    public static final int V4_NVFW = 0x1000;
    public static final int V4_RFRD = 0x4000;
    public static final int V4_START = 0x4400;
    /** A 55 AA header with data-structure pointer 0 between NVFW and the ROM (rom-format.md 3.2). */
    public static final int V4_DECOY = 0x2A00;

    private NvidiaContainerBuilder() {
    }

    /** Offset of the option ROM behind an NVGI header of this version (1, 2 or 3). */
    public static int nvgiStart(int version) {
        return switch (version) {
            case 1 -> V1_START;
            case 2 -> V2_START;
            case 3 -> V3_START;
            default -> throw new IllegalArgumentException("NVGI version " + version);
        };
    }

    /** NVGI v3 around {@code chain}, then {@code tailBytes} of 0xFF. */
    public static byte[] nvgiV3(byte[] chain, int tailBytes) {
        return wrap(nvgiHeader(3, chain.length), chain, tailBytes);
    }

    /**
     * The bytes before the option ROM of an NVGI dump. v1/v2: fixed-data size 0x10 in bits 30:16,
     * version in bits 15:8, u32 at 0x14 = ROM offset. v3: total-data size 0x32C, the u32 there
     * (0x3000) + 0x1000 = RFRD v2 at 0x4000 pointing at 0x4600 (TU117's numbers).
     */
    public static byte[] nvgiHeader(int version, int chainLength) {
        int start = nvgiStart(version);
        ByteBuffer b = buffer(start);
        b.put(0, "NVGI".getBytes(StandardCharsets.US_ASCII));
        if (version == 3) {
            b.putInt(4, 3 << 8).putInt(8, 0x32C).putInt(0x0C, 0).putInt(0x32C, V3_RFRD - 0x1000);
            rfrd(b, V3_RFRD, 2, start, chainLength);
        } else {
            b.putInt(4, (0x10 << 16) | (version << 8)).putInt(8, 0).putInt(0x0C, 0)
                    .putInt(0x10, 0x0000E208).putInt(0x14, start);
        }
        return b.array();
    }

    /**
     * The bytes before the option ROM of a Blackwell dump: NVFW at 0x1000 with signed blobs after
     * it, a 55 AA decoy whose data-structure pointer is 0, and an RFRD v4 directory whose ROM
     * offset is relative to the NVFW.
     */
    public static byte[] nvfwHeader(int chainLength) {
        ByteBuffer b = buffer(V4_START);
        b.put(V4_NVFW, "NVFW".getBytes(StandardCharsets.US_ASCII));
        Random blobs = new Random(0xB1AC);
        for (int i = V4_NVFW + 0x10; i < V4_NVFW + 0x1810; i++) {
            b.put(i, (byte) (1 + blobs.nextInt(0xFD)));
        }
        b.put(V4_DECOY, (byte) 0x55).put(V4_DECOY + 1, (byte) 0xAA).putShort(V4_DECOY + 0x18, (short) 0);
        rfrd(b, V4_RFRD, 4, V4_START - V4_NVFW, chainLength);
        return b.array();
    }

    /**
     * RFRD directory header (rom-format.md 1.8): version, length 0x20, option-ROM offset, chain
     * length; the rest of its 0x20 bytes zero, as in TU117's directory.
     */
    private static void rfrd(ByteBuffer b, int at, int version, int romOffset, int chainLength) {
        b.put(at, "RFRD".getBytes(StandardCharsets.US_ASCII));
        b.putShort(at + 4, (short) version);
        b.putShort(at + 6, (short) 0x20);
        b.putInt(at + 8, romOffset);
        b.putInt(at + 0x0C, chainLength);
        b.put(at + 0x10, new byte[0x10]);
    }

    /** {@code header}, {@code chain}, then {@code tailBytes} of 0xFF (the test-side NvidiaDumps wraps the other versions). */
    static byte[] wrap(byte[] header, byte[] chain, int tailBytes) {
        byte[] out = OptionRomBuilder.filled(header.length + chain.length + tailBytes, 0xFF);
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(chain, 0, out, header.length, chain.length);
        return out;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.wrap(OptionRomBuilder.filled(size, 0xFF)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
