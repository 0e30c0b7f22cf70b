package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.OutOfBoundsException;
import java.util.Optional;

/**
 * Decodes an EFI image's payload (rom-format.md 1.3, 1.12) into {@link EfiPayload} facts.
 * Decompression and PE parsing belong to the codec room; this class only locates the payload.
 */
public final class EfiPayloadReader {
    /** EFI110's maximum ROM size; no GOP is larger (rom-format.md 1.12 hardening). */
    public static final int MAX_OUTPUT = 16 << 20;

    private EfiPayloadReader() {
    }

    /** The payload bytes [EfiImageHeaderOffset, InitializationSize*512) of the image, clamped to the file. */
    public static ByteSlice payloadSlice(ByteSlice file, long imageOffset, EfiRomHeader h) {
        long end = imageOffset + h.initializationSize() * 512L;
        long start = imageOffset + h.imageOffset();
        return file.clamp(start, end - start);
    }

    /**
     * The PE image inside an EFI image (decompressed when CompressionType is 1), for callers that
     * need the bytes (GOP extraction, patching); empty when the image has no decodable payload.
     */
    public static Optional<byte[]> peImage(ByteSlice file, RomImage image) {
        if (image.efiHeader().isEmpty() || image.efiPayload().map(p -> !p.decoded()).orElse(true)) {
            return Optional.empty();
        }
        EfiRomHeader h = image.efiHeader().get();
        ByteSlice payload = payloadSlice(file, image.offset(), h);
        if (h.compressionType() == 0) {
            return Optional.of(payload.toArray());
        }
        Optional<ByteSlice> out = h.compressionType() == 1 ? PeFacts.decompress(payload) : Optional.empty();
        return out.map(ByteSlice::toArray);
    }

    static EfiPayload read(ByteSlice file, long imageOffset, EfiRomHeader h, EfiPayloadMemo memo) {
        long start = imageOffset + h.imageOffset();
        long declared = h.initializationSize() * 512L - h.imageOffset();
        if (declared <= 0) {
            return EfiPayload.failed(start, 0, h.compressionType(),
                    "EfiImageHeaderOffset 0x" + Integer.toHexString(h.imageOffset())
                            + " is not inside InitializationSize " + h.initializationSize() * 512L);
        }
        ByteSlice payload = payloadSlice(file, imageOffset, h);
        if (payload.length() < declared) {
            return EfiPayload.failed(start, payload.length(), h.compressionType(),
                    "payload truncated: " + payload.length() + " of " + declared + " bytes present");
        }
        try {
            return memo.get(payload, start, h.compressionType(),
                    () -> PeFacts.decode(payload, start, h.compressionType()));
        } catch (OutOfBoundsException e) {
            return EfiPayload.failed(start, payload.length(), h.compressionType(), "payload unreadable: " + e.getMessage());
        }
    }
}
