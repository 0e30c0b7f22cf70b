package io.github.vbios.firmware;

import io.github.vbios.io.ByteSlice;

/** The firmware room's one door to the codec room; every call has an output cap. */
final class Codecs {
    private Codecs() {
    }

    static byte[] efi(ByteSlice in, boolean tiano, int max) throws DecodeFailure {
        throw new DecodeFailure("EFI decompression is not in this build");
    }

    static byte[] lzma(ByteSlice in, int max) throws DecodeFailure {
        throw new DecodeFailure("LZMA is not in this build");
    }

    static void x86Decode(byte[] buf) {
    }

    static byte[] brotli(ByteSlice in, int max) throws DecodeFailure {
        throw new DecodeFailure("Brotli is not in this build");
    }

    static byte[] zlib(ByteSlice in, int max) throws DecodeFailure {
        throw new DecodeFailure("zlib is not in this build");
    }

    /** A one-line description of a PE32/TE image header, or null when it is not one. */
    static String pe(ByteSlice in) {
        return null;
    }
}
