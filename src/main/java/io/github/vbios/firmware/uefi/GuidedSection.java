package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Streams;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * EFI_GUID_DEFINED_SECTION (firmware.md 2.7): GUID, u16 DataOffset (from the section start),
 * u16 Attributes. Known GUIDs are decoded; unknown ones are tried as a section stream, then raw.
 */
final class GuidedSection {
    private static final int RSA2048_CERT = 528;

    private GuidedSection() {
    }

    static void open(Blob stream, int off, Section s, boolean v3, Walk walk) {
        ByteSlice sec = stream.data().slice(off, s.size());
        int h = s.headerSize();
        String guid = Guid.read(sec, h);
        int dataOffset = sec.u16(h + 16);
        int attrs = sec.u16(h + 18);
        if (dataOffset < h + 20 || dataOffset > sec.length()) {
            walk.warn(stream, FirmwareCode.SECTION_GUID_HEADER_INVALID,
                    off, "GUID-defined section " + guid + " has DataOffset " + dataOffset
                    + " outside its " + sec.length() + " bytes");
            return;
        }
        ByteSlice data = sec.from(dataOffset);
        Optional<Decoded> out = switch (guid) {
            case Guid.LZMA, Guid.LZMA_HP -> SectionDecoders.lzma(stream, off, data, false, walk);
            case Guid.LZMA_F86 -> SectionDecoders.lzma(stream, off, data, true, walk);
            case Guid.TIANO -> SectionDecoders.efiOrTiano(stream, off, data, v3, walk);
            case Guid.BROTLI -> SectionDecoders.brotli(stream, off, data, walk);
            case Guid.GZIP -> gzip(stream, off, data, walk);
            case Guid.AMD_ZLIB -> data.length() > 0x100
                    ? SectionDecoders.zlib(stream, off, data.from(0x100), walk) : Optional.empty();
            case Guid.CRC32 -> Optional.of(crc32(stream, off, sec, h, data, walk));
            case Guid.SIGNED -> signed(stream, off, data, walk);
            case Guid.RSA2048_SHA256 -> Optional.of(new Decoded("RSA2048/SHA256 signed",
                    dataOffset >= h + 20 + RSA2048_CERT ? data : sec.clamp(h + 20 + RSA2048_CERT, sec.length())));
            default -> Optional.of(unknown(stream, off, guid, attrs, data, walk));
        };
        out.ifPresent(o -> SectionWalker.nested(stream.child(o.data(), o.algorithm() + " section"), v3, walk));
    }

    /** firmware.md 2.7: the CRC32 (zlib polynomial) covers DataOffset to the end; a mismatch is a message. */
    private static Decoded crc32(Blob stream, int off, ByteSlice sec, int h, ByteSlice data, Walk walk) {
        if (sec.contains(h + 20, 4)) {
            long crc = data.crc32();
            long stored = sec.u32(h + 20);
            if (crc != stored) {
                walk.finding(stream, Finding.warning(FirmwareCode.SECTION_CRC_INVALID,
                        off, String.format("CRC32 section: stored %08Xh, computed %08Xh", stored, crc)));
            }
        }
        return new Decoded("CRC32", data);
    }

    private static Optional<Decoded> signed(Blob stream, int off, ByteSlice data, Walk walk) {
        long certLen = data.length() >= 4 ? data.u32(0) : -1;
        if (certLen < 8 || certLen > data.length()) {
            walk.warn(stream, FirmwareCode.SECTION_SIGNED_INVALID,
                    off, "signed section: certificate length " + certLen + " does not fit");
            return Optional.empty();
        }
        return Optional.of(new Decoded("signed", data.from(certLen)));
    }

    private static Decoded unknown(Blob stream, int off, String guid, int attrs, ByteSlice data, Walk walk) {
        if ((attrs & 1) != 0) {
            walk.finding(stream, Finding.info(FirmwareCode.SECTION_GUID_UNKNOWN, off, "GUID-defined section " + guid
                    + " needs processing vbios does not know; looking inside as it is"));
        }
        return new Decoded("GUID " + guid, data);
    }

    private static Optional<Decoded> gzip(Blob stream, int off, ByteSlice data, Walk walk) {
        if (!walk.budgetLeft(stream)) {
            return Optional.empty();
        }
        int cap = walk.streamCap(data.length());
        try (InputStream in = new GZIPInputStream(data.inputStream())) {
            Optional<byte[]> out = Streams.readCapped(in, cap, walk, stream);
            if (out.isEmpty()) {
                if (!walk.exhausted(stream)) {
                    walk.refused(stream, off, data.length(), "gzip section decodes to more than " + cap + " bytes");
                }
                return Optional.empty();
            }
            return Optional.of(new Decoded("gzip", ByteSlice.of(out.get())));
        } catch (IOException | RuntimeException e) {
            walk.warn(stream, FirmwareCode.DECODE_FAILED, off, "gzip section: " + e.getMessage());
            return Optional.empty();
        }
    }
}
