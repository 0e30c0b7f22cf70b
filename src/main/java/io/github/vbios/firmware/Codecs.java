package io.github.vbios.firmware;

import io.github.vbios.codec.BrotliCodec;
import io.github.vbios.codec.CodecException;
import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.codec.PeHeader;
import io.github.vbios.codec.PeReader;
import io.github.vbios.codec.X86BcjFilter;
import io.github.vbios.codec.Zlib;
import io.github.vbios.io.ByteSlice;
import java.util.Optional;

/**
 * The firmware room's one door to the codec room; every call has an output cap. A refused stream
 * is the codec's own {@link CodecException} (cause, produced bytes and over-limit flag intact).
 */
public final class Codecs {
    private Codecs() {
    }

    public static byte[] efi(ByteSlice in, boolean tiano, int max) throws CodecException {
        return EfiDecompressor.decompress(in, tiano ? EfiCompressionVariant.TIANO : EfiCompressionVariant.EFI_1_1, max);
    }

    /** EDK2 LZMA (known sizes decode with the relaxed end condition EDK2/Insyde streams need). */
    public static byte[] lzma(ByteSlice in, int max) throws CodecException {
        return Lzma.decompress(in, max);
    }

    /** firmware.md 2.8: LZMA-F86 is x86_Convert(buf, size, 0, &state, 0) after LZMA. */
    public static void x86Decode(byte[] buf) {
        X86BcjFilter.decode(buf, 0);
    }

    public static byte[] brotli(ByteSlice in, int max) throws CodecException {
        return BrotliCodec.decompress(in, max);
    }

    public static byte[] zlib(ByteSlice in, int max) throws CodecException {
        return Zlib.inflate(in, max);
    }

    /** A one-line description of a PE32/TE image header; empty when it is not one. */
    public static Optional<String> pe(ByteSlice in) {
        try {
            PeHeader h = PeReader.read(in);
            return Optional.of((h.te() ? "TE " : h.pe32Plus() ? "PE32+ " : "PE32 ") + h.machineName() + " subsystem " + h.subsystem());
        } catch (CodecException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
