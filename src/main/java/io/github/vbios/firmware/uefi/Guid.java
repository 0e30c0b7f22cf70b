package io.github.vbios.firmware.uefi;

import io.github.vbios.io.ByteSlice;

/** EFI GUIDs: stored as Data1 u32 LE, Data2 u16 LE, Data3 u16 LE, Data4[8] (firmware.md notation). */
public final class Guid {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public static final String FFS_V2 = "8C8CE578-8A3D-4F1C-9935-896185C32DD3";
    public static final String FFS_V2_PI = "7A9354D9-0468-444A-81CE-0BF617D890DF";
    public static final String FFS_V3 = "5473C07A-3DCB-4DCA-BD6F-1E9689E7349A";
    public static final String LZMA = "EE4E5898-3914-4259-9D6E-DC7BD79403CF";
    public static final String LZMA_HP = "0ED85E23-F253-413F-A03C-901987B04397";
    public static final String LZMA_F86 = "D42AE6BD-1352-4BFB-909A-CA72A6EAE889";
    public static final String TIANO = "A31280AD-481E-41B6-95E8-127F4C984779";
    public static final String GZIP = "1D301FE9-BE79-4353-91C2-D23BC959AE0C";
    public static final String AMD_ZLIB = "CE3233F5-2CD6-4D87-9152-4A238BB6D1C4";
    public static final String CRC32 = "FC1BCDB0-7D31-49AA-936A-A4600D9DD083";
    public static final String SIGNED = "0F9D89E8-9259-4F76-A5AF-0C89E34023DF";
    public static final String RSA2048_SHA256 = "A7717414-C616-4977-9420-844712A735BF";
    public static final String BROTLI = "3D532050-5CDA-4FD0-879E-0F7F630D5AFB";

    private Guid() {
    }

    /** The registry-format text ({@code 8C8CE578-8A3D-...}) of the 16 bytes at {@code off}. */
    public static String read(ByteSlice s, long off) {
        byte[] b = s.bytes(off, 16);
        char[] out = new char[36];
        int p = 0;
        int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
        for (int i : order) {
            if (i < 0) {
                out[p++] = '-';
            } else {
                out[p++] = HEX[(b[i] >> 4) & 0xF];
                out[p++] = HEX[b[i] & 0xF];
            }
        }
        return new String(out);
    }

    /** The 16 stored bytes of a registry-format GUID (inverse of {@link #read}); for builders. */
    public static byte[] bytes(String text) {
        String h = text.replace("-", "");
        if (h.length() != 32) {
            throw new IllegalArgumentException("not a GUID: " + text);
        }
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            raw[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[order[i]] = raw[i];
        }
        return out;
    }
}
