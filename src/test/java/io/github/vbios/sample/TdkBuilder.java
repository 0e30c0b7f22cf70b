package io.github.vbios.sample;

import io.github.vbios.codec.Lzma;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phoenix TDK packer executables (firmware.md 3): an MZ stub, the packed files, then the
 * {@code $PACK} header, 0x200 placeholder bytes and one 0x110-byte entry per file with its
 * offset from the MZ header; files stored or LZMA ("alone" format).
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class TdkBuilder {
    private TdkBuilder() {
    }

    /** A packer exe holding {@code files} (name to bytes); every file LZMA-compressed when {@code lzma}. */
    public static byte[] exe(Map<String, byte[]> files, boolean lzma) {
        Map<String, byte[]> ordered = new LinkedHashMap<>(files);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x1FE]));
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : ordered.entrySet()) {
            byte[] data = lzma ? Lzma.compress(f.getValue()) : f.getValue();
            ByteBuffer e = FirmwareBuilder.le(0x110);
            e.put(Arrays.copyOf(f.getKey().getBytes(StandardCharsets.US_ASCII), 256));
            e.putInt(body.size()).putInt(data.length).putInt(lzma ? 1 : 0).putInt(0);
            table.writeBytes(e.array());
            body.writeBytes(data);
        }
        ByteBuffer h = FirmwareBuilder.le(0x10);
        h.put("$PACK\0\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(0x10 + 0x200 + table.size()).putInt(ordered.size());
        return FirmwareBuilder.concat(body.toByteArray(), h.array(), new byte[0x200], table.toByteArray());
    }
}
