package io.github.vbios.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Minimal RAR archives holding one file <em>stored</em> (no compression), built from the format
 * descriptions (RAR 5.0 "technical information": vint fields, CRC32 over each header; RAR 1.5-4.x
 * technote: fixed-size blocks with a 16-bit header CRC). Enough for unar/unrar to extract, so the
 * tests need no non-free {@code rar} to make their input.
 */
public final class RarBuilder {
    /** RAR5 compression information: version 0, method 0 (store), no solid flag, dictionary 128 KiB. */
    private static final int RAR5_STORE = 0;
    /** RAR4 method byte for "store". */
    private static final int RAR4_STORE = 0x30;

    private RarBuilder() {
    }

    /** A RAR5 archive: signature, main archive header, one file header + data, end of archive. */
    public static byte[] rar5Stored(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00});
        out.writeBytes(rar5Header(1, 0, vints(0), 0));
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(vints(0x0004, content.length, 0x20)); // file flags (CRC32 present), unpacked size, attributes
        file.writeBytes(le32(crc.getValue()));
        file.writeBytes(vints(RAR5_STORE, 0, nameBytes.length)); // compression info, host OS Windows, name length
        file.writeBytes(nameBytes);
        out.writeBytes(rar5Header(2, 0x0002, file.toByteArray(), content.length));
        out.writeBytes(content);
        out.writeBytes(rar5Header(5, 0, vints(0), 0));
        return out.toByteArray();
    }

    /**
     * One RAR5 header: CRC32 (of everything after it), header size (vint: type to end), type,
     * flags, the data size when flag 0x0002 says a data area follows, then the type's fields.
     */
    private static byte[] rar5Header(int type, int flags, byte[] fields, long dataSize) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(vints(type, flags));
        if ((flags & 0x0002) != 0) {
            body.writeBytes(vints(dataSize));
        }
        body.writeBytes(fields);
        byte[] b = body.toByteArray();
        byte[] sized = concat(vints(b.length), b);
        CRC32 crc = new CRC32();
        crc.update(sized);
        return concat(le32(crc.getValue()), sized);
    }

    /** RAR5 variable-length integers: 7 bits per byte, low bits first, high bit = more follows. */
    static byte[] vints(long... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long v : values) {
            while (v >= 0x80) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
        return out.toByteArray();
    }

    /** A RAR 1.5-4.x archive: marker block, archive header, one stored file, end-of-archive block. */
    public static byte[] rar4Stored(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x00}); // the marker block
        out.writeBytes(rar4Block(0x73, 0x0000, new byte[6])); // archive header: reserved u16 + u32
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(le32(content.length)); // PACK_SIZE (the ADD_SIZE of flag 0x8000)
        file.writeBytes(le32(content.length)); // UNP_SIZE
        file.write(2); // HOST_OS Win32
        file.writeBytes(le32(crc.getValue())); // FILE_CRC
        file.writeBytes(le32(0x5A210000L)); // FTIME (MS-DOS date 2025-01-01)
        file.write(20); // UNP_VER 2.0
        file.write(RAR4_STORE);
        file.write(nameBytes.length);
        file.write(nameBytes.length >> 8);
        file.writeBytes(le32(0x20)); // ATTR archive
        file.writeBytes(nameBytes);
        out.writeBytes(rar4Block(0x74, 0x8000, file.toByteArray()));
        out.writeBytes(content);
        out.writeBytes(rar4Block(0x7B, 0x4000, new byte[0]));
        return out.toByteArray();
    }

    /** HEAD_CRC (low 16 bits of the CRC32 of HEAD_TYPE..end of header), HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE. */
    private static byte[] rar4Block(int type, int flags, byte[] fields) {
        int size = 7 + fields.length;
        byte[] h = concat(new byte[] {(byte) type, (byte) flags, (byte) (flags >> 8), (byte) size, (byte) (size >> 8)},
                fields);
        CRC32 crc = new CRC32();
        crc.update(h);
        long c = crc.getValue();
        return concat(new byte[] {(byte) c, (byte) (c >> 8)}, h);
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
