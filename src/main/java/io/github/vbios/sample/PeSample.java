package io.github.vbios.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A minimal PE32+ image (MZ, PE header, optional header, one section) standing in for a GOP driver. */
public final class PeSample {
    private PeSample() {
    }

    /**
     * @param machine COFF machine (0x8664 X64)
     * @param subsystem 11 = EFI boot-service driver
     * @param size total bytes (at least 0x400)
     * @param utf16Name a UTF-16LE string placed in the body (e.g. "nvgop-demo"), or null
     */
    public static byte[] pe32Plus(int machine, int subsystem, int size, String utf16Name) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 0x400)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z');
        b.putInt(0x3C, 0x80);
        b.putInt(0x80, 0x00004550);
        b.putShort(0x84, (short) machine);
        b.putShort(0x86, (short) 1);
        b.putShort(0x94, (short) 0xF0);
        int opt = 0x98;
        b.putShort(opt, (short) 0x20B);
        b.putInt(opt + 56, b.capacity());
        b.putShort(opt + 68, (short) subsystem);
        // a compressible, deterministic body: repeated text like a real driver's strings and code
        byte[] text = "EFI GOP driver sample body; vbios demo. ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0x200; i < b.capacity(); i++) {
            b.put(i, (byte) (text[i % text.length] ^ (i >> 9)));
        }
        if (utf16Name != null) {
            byte[] name = (utf16Name + "\0").getBytes(StandardCharsets.UTF_16LE);
            b.put(0x300, name, 0, Math.min(name.length, b.capacity() - 0x300));
        }
        return b.array();
    }
}
