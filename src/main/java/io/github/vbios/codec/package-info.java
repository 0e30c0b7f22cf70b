/**
 * The codec room: decompressors and small binary formats, with no knowledge of where the bytes came
 * from. EFI 1.1 / Tiano decompression (written from UEFI 2.9A ch. 19; the encoder is a test source),
 * LZMA and the x86 BCJ filter (xz-java), Brotli (org.brotli:dec), zlib, and the PE/COFF/TE header
 * reader. Every decoder takes an output limit, applies a ratio cap before allocating, and reports
 * bad input as a checked {@link io.github.vbios.codec.CodecException} naming the offset.
 * Depends only on {@code io}.
 */
package io.github.vbios.codec;
