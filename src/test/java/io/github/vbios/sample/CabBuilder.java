package io.github.vbios.sample;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Microsoft cabinets ([MS-CAB]) with one folder, stored or MSZIP: 32 KiB CFDATA blocks, each
 * MSZIP block "CK" + a raw deflate stream primed with the previous 32 KiB (as makecab and gcab
 * write them), so matches reach back across block boundaries.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class CabBuilder {
    private static final int BLOCK = 32 * 1024;

    private CabBuilder() {
    }

    /** A cabinet holding {@code files} (name to bytes, in order) in one folder. */
    public static byte[] cab(Map<String, byte[]> files, boolean mszip) {
        Map<String, byte[]> ordered = new LinkedHashMap<>(files);
        byte[] folder = FirmwareBuilder.concat(ordered.values().toArray(new byte[0][]));
        List<byte[]> blocks = new ArrayList<>();
        for (int off = 0; off < folder.length || off == 0; off += BLOCK) {
            byte[] plain = Arrays.copyOfRange(folder, off, Math.min(folder.length, off + BLOCK));
            byte[] data = mszip ? mszipBlock(folder, off, plain) : plain;
            blocks.add(FirmwareBuilder.concat(FirmwareBuilder.le(8).putInt(0).putShort((short) data.length)
                    .putShort((short) plain.length).array(), data));
            if (folder.length == 0) {
                break;
            }
        }
        ByteArrayOutputStream fileRecords = new ByteArrayOutputStream();
        int start = 0;
        for (Map.Entry<String, byte[]> e : ordered.entrySet()) {
            fileRecords.writeBytes(FirmwareBuilder.le(0x10).putInt(e.getValue().length).putInt(start).putShort((short) 0)
                    .putShort((short) 0x5A21).putShort((short) 0).putShort((short) 0x20).array());
            fileRecords.writeBytes((e.getKey() + "\0").getBytes(StandardCharsets.US_ASCII));
            start += e.getValue().length;
        }
        int header = 0x24;
        int folderRecord = 8;
        int filesAt = header + folderRecord;
        int dataAt = filesAt + fileRecords.size();
        byte[] data = FirmwareBuilder.concat(blocks.toArray(new byte[0][]));
        int total = dataAt + data.length;
        ByteBuffer h = FirmwareBuilder.le(header).put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(total).putInt(0)
                .putInt(filesAt).putInt(0).put((byte) 3).put((byte) 1).putShort((short) 1)
                .putShort((short) ordered.size()).putShort((short) 0).putShort((short) 0x1234).putShort((short) 0);
        byte[] f = FirmwareBuilder.le(folderRecord).putInt(dataAt).putShort((short) blocks.size()).putShort((short) (mszip ? 1 : 0)).array();
        return FirmwareBuilder.concat(h.array(), f, fileRecords.toByteArray(), data);
    }

    private static byte[] mszipBlock(byte[] folder, int off, byte[] plain) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        if (off > 0) {
            int w = Math.min(BLOCK, off);
            d.setDictionary(folder, off - w, w);
        }
        d.setInput(plain);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'C', 'K'});
        byte[] buf = new byte[BLOCK + 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
