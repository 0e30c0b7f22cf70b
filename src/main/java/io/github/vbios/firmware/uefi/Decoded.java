package io.github.vbios.firmware.uefi;

import io.github.vbios.io.ByteSlice;

/** Decoder output plus the name of the algorithm that produced it ("LZMA", "Tiano", "EFI 1.1"). */
public record Decoded(String algorithm, ByteSlice data) {
}
