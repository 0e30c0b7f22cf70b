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

/** The firmware room's one door to the codec room; every call has an output cap. */
public final class Codecs {
    private Codecs() {
    }

    public static byte[] efi(ByteSlice in, boolean tiano, int max) throws DecodeFailure {
        try {
            return EfiDecompressor.decompress(in, tiano ? EfiCompressionVariant.TIANO : EfiCompressionVariant.EFI_1_1, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e);
        }
    }

    /** EDK2 LZMA (known sizes decode with the relaxed end condition EDK2/Insyde streams need). */
    public static byte[] lzma(ByteSlice in, int max) throws DecodeFailure {
        try {
            return Lzma.decompress(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e);
        }
    }

    /** firmware.md 2.8: LZMA-F86 is x86_Convert(buf, size, 0, &state, 0) after LZMA. */
    public static void x86Decode(byte[] buf) {
        X86BcjFilter.decode(buf, 0);
    }

    public static byte[] brotli(ByteSlice in, int max) throws DecodeFailure {
        try {
            return BrotliCodec.decompress(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e);
        }
    }

    public static byte[] zlib(ByteSlice in, int max) throws DecodeFailure {
        try {
            return Zlib.inflate(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e);
        }
    }

    /** A one-line description of a PE32/TE image header, or null when it is not one. */
    public static String pe(ByteSlice in) {
        try {
            PeHeader h = PeReader.read(in);
            return (h.te() ? "TE " : h.pe32Plus() ? "PE32+ " : "PE32 ") + h.machineName() + " subsystem " + h.subsystem();
        } catch (CodecException | RuntimeException e) {
            return null;
        }
    }
}
