package io.github.vbios.sample;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * AMI UCP flasher packages (firmware.md 3): a {@code @UAF} or {@code @HPU} header, then modules
 * {tag, ModuleSize, Checksum, ...} + {CompressSize, OriginalSize} + data, stored or EFI-compressed.
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class UcpBuilder {
    private UcpBuilder() {
    }

    /** A stored module ({@code CompressSize == OriginalSize}). */
    public static byte[] stored(String tag, byte[] data) {
        return module(tag, data.length, data.length, data);
    }

    /**
     * An EFI-compressed module: the compressed stream's own {CompressedSize, OriginalSize} header
     * doubles as the module's size fields, so the stream is stored right after the module header.
     */
    public static byte[] compressed(String tag, byte[] data, EfiCompressionVariant v) {
        byte[] stream = EfiCompressor.compress(data, v); // {u32 CompressedSize, u32 OriginalSize, bits}
        return FirmwareBuilder.concat(header(tag, 0x10 + stream.length), stream);
    }

    /** The package: {@code mainTag} ("@UAF" or "@HPU") header over all modules. */
    public static byte[] ucp(String mainTag, byte[]... modules) {
        byte[] body = FirmwareBuilder.concat(modules);
        return FirmwareBuilder.concat(header(mainTag, 0x10 + body.length), body);
    }

    private static byte[] module(String tag, int compressSize, int originalSize, byte[] data) {
        byte[] sizes = FirmwareBuilder.le(8).putInt(compressSize).putInt(originalSize).array();
        return FirmwareBuilder.concat(header(tag, 0x10 + 8 + data.length), sizes, data);
    }

    private static byte[] header(String tag, int size) {
        ByteBuffer h = FirmwareBuilder.le(0x10);
        h.put(tag.getBytes(StandardCharsets.US_ASCII)).putInt(size);
        return h.array();
    }
}
