package io.github.vbios.rom;

import io.github.vbios.codec.CodecException;
import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.codec.PeHeader;
import io.github.vbios.codec.PeReader;
import io.github.vbios.io.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Turns an EFI payload into PE facts; the only class of the rom room that talks to the codec room. */
final class PeFacts {
    private static final byte[] NVGOP = "nvgop-".getBytes(StandardCharsets.UTF_16LE);

    private PeFacts() {
    }

    static EfiPayload decode(ByteSlice payload, long start, int compression) {
        if (compression >= 2) {
            return EfiPayload.failed(start, payload.length(), compression,
                    "compression type " + compression + " is reserved (firmware skips such images)");
        }
        ByteSlice image = payload;
        if (compression == 1) {
            Optional<ByteSlice> decoded = decompress(payload);
            if (decoded.isEmpty()) {
                return EfiPayload.failed(start, payload.length(), compression, lastError(payload));
            }
            image = decoded.get();
        }
        return facts(payload, image, start, compression);
    }

    /** The decompressed image; empty when it does not decode. Option ROMs use the EFI 1.1 variant (rom-format.md 1.12). */
    static Optional<ByteSlice> decompress(ByteSlice payload) {
        try {
            return Optional.of(ByteSlice.of(EfiDecompressor.decompress(payload, EfiCompressionVariant.EFI_1_1, limit(payload))));
        } catch (CodecException e) {
            // the codec room refuses bad bytes with CodecException only (CodecFuzzTest holds it to that)
            return Optional.empty();
        }
    }

    /**
     * Output cap: real GOP drivers expand about 2:1 (corpus), so 32:1 with a 256 KiB floor keeps
     * hostile headers from allocating far beyond the input, within EFI110's 16 MiB maximum.
     */
    static int limit(ByteSlice payload) {
        long cap = Math.max(256L << 10, 32L * payload.length());
        return (int) Math.min(EfiPayloadReader.MAX_OUTPUT, cap);
    }

    private static String lastError(ByteSlice payload) {
        try {
            EfiDecompressor.decompress(payload, EfiCompressionVariant.EFI_1_1, limit(payload));
            return "EFI decompression failed";
        } catch (CodecException e) {
            return "EFI decompression failed: " + e.getMessage();
        }
    }

    static EfiPayload facts(ByteSlice payload, ByteSlice image, long start, int compression) {
        String sha = image.sha256();
        String gop = gopName(image).orElse(null);
        try {
            PeHeader pe = PeReader.read(image);
            return new EfiPayload(start, payload.length(), compression, image.length(), sha, pe.machine(),
                    pe.subsystem(), pe.pe32Plus(), gop, null);
        } catch (CodecException e) {
            return new EfiPayload(start, payload.length(), compression, image.length(), sha, -1, -1, false, gop,
                    "payload is not a valid PE/COFF image: " + e.getMessage());
        }
    }

    /** The UTF-16LE {@code nvgop-...} name inside a GOP driver (rom-format.md 1.11), if there is one. */
    static Optional<String> gopName(ByteSlice image) {
        int at = image.indexOf(NVGOP, 0);
        if (at < 0) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (long p = at; image.contains(p, 2) && sb.length() < 64; p += 2) {
            int c = image.u16(p);
            if (c < 0x21 || c > 0x7E) {
                break;
            }
            sb.append((char) c);
        }
        return Optional.of(sb.toString());
    }
}
