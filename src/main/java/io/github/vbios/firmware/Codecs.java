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
final class Codecs {
    private Codecs() {
    }

    static byte[] efi(ByteSlice in, boolean tiano, int max) throws DecodeFailure {
        try {
            return EfiDecompressor.decompress(in, tiano ? EfiCompressionVariant.TIANO : EfiCompressionVariant.EFI_1_1, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e.getMessage());
        }
    }

    /**
     * EDK2 LZMA. The relaxed read goes first: EDK2/Insyde encoders (the LG R510 DXE volume) leave
     * the range coder unfinished after the declared size, which the codec room's strict
     * {@link Lzma#decompress} rejects only after decoding everything (UEFITool accepts such
     * streams); the codec gives the error message when both refuse. Move into codec when it
     * accepts these streams.
     */
    static byte[] lzma(ByteSlice in, int max) throws DecodeFailure {
        byte[] relaxed = lzmaRelaxed(in, max);
        if (relaxed != null) {
            return relaxed;
        }
        try {
            return Lzma.decompress(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e.getMessage());
        }
    }

    /** Same header, limits and dictionary clamp as {@link Lzma#decompress}, relaxed end condition; null on any error. */
    private static byte[] lzmaRelaxed(ByteSlice in, int max) {
        if (in.length() < 13 || in.u8(0) >= 225) {
            return null;
        }
        long size = in.u64(5);
        if (size < 0 || size > max || size > (long) Math.max(1 << 20, in.length()) * 10_000) {
            return null;
        }
        int dict = (int) Math.max(4096, Math.min(in.u32(1), Math.max(size, 4096)));
        try (org.tukaani.xz.LZMAInputStream lz = new org.tukaani.xz.LZMAInputStream(
                new UnsyncInput(in.array(), in.arrayOffset() + 13, in.length() - 13), size, (byte) in.u8(0), dict)) {
            lz.enableRelaxedEndCondition();
            byte[] out = new byte[(int) size];
            return lz.readNBytes(out, 0, out.length) == out.length ? out : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** firmware.md 2.8: LZMA-F86 is x86_Convert(buf, size, 0, &state, 0) after LZMA. */
    static void x86Decode(byte[] buf) {
        X86BcjFilter.decode(buf, 0);
    }

    static byte[] brotli(ByteSlice in, int max) throws DecodeFailure {
        try {
            return BrotliCodec.decompress(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e.getMessage());
        }
    }

    static byte[] zlib(ByteSlice in, int max) throws DecodeFailure {
        try {
            return Zlib.inflate(in, max);
        } catch (CodecException e) {
            throw new DecodeFailure(e.getMessage());
        }
    }

    /** A one-line description of a PE32/TE image header, or null when it is not one. */
    static String pe(ByteSlice in) {
        try {
            PeHeader h = PeReader.read(in);
            return (h.te() ? "TE " : h.pe32Plus() ? "PE32+ " : "PE32 ") + h.machineName() + " subsystem " + h.subsystem();
        } catch (CodecException | RuntimeException e) {
            return null;
        }
    }
}
