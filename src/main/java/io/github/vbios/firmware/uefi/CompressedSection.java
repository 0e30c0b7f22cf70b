package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.util.Optional;

/**
 * EFI_SECTION_COMPRESSION (firmware.md 2.7/2.8): u32 UncompressedLength, u8 CompressionType;
 * type 0 stored, 1 EFI 1.1 or Tiano, 2 LZMA (Insyde's "customized" type, as UEFITool reads it).
 */
final class CompressedSection {
    private CompressedSection() {
    }

    static void open(Blob stream, int off, ByteSlice body, boolean v3, Walk walk) {
        long declared = body.u32(0);
        int type = body.u8(4);
        ByteSlice data = body.from(5);
        Optional<Decoded> decoded = switch (type) {
            case 0 -> Optional.of(new Decoded("uncompressed", data));
            case 1 -> SectionDecoders.efiOrTiano(stream, off, data, v3, walk);
            case 2 -> SectionDecoders.lzma(stream, off, data, false, walk);
            default -> {
                walk.warn(stream, FirmwareCode.COMPRESSION_TYPE_UNKNOWN,
                        off, "unknown compression type " + type + "; scanning the data raw");
                walk.explore(stream.child(data, "compression section@" + Hex.offset(off)));
                yield Optional.empty();
            }
        };
        if (decoded.isEmpty()) {
            return;
        }
        Decoded out = decoded.get();
        if (out.data().length() != declared) {
            walk.warn(stream, FirmwareCode.COMPRESSION_SIZE_MISMATCH,
                    off, "compression section declares " + declared + " bytes, "
                    + out.algorithm() + " produced " + out.data().length());
        }
        SectionWalker.nested(stream.child(out.data(), out.algorithm() + " section"), v3, walk);
    }
}
