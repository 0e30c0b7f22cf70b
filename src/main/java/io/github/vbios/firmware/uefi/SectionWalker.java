package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Codecs;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutOfBoundsException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Walks a section stream (firmware.md 2.7): leaves are carved, encapsulations decoded and walked again. */
final class SectionWalker {
    private SectionWalker() {
    }

    static void walk(Blob stream, boolean ffsV3, Walk walk) {
        ByteSlice d = stream.data();
        int off = 0;
        while (off < d.length() && !walk.exhausted(stream)) {
            off = (off + 3) & ~3;
            Optional<Section> header = Section.read(d, off, ffsV3);
            if (header.isEmpty()) {
                break;
            }
            Section s = header.get();
            if (s.size() < s.headerSize() || !d.contains(off, s.size())) {
                rest(stream, off, "section size " + s.size() + " does not fit the " + (d.length() - off)
                        + " bytes left", walk);
                return;
            }
            try {
                section(stream, off, s, ffsV3, walk);
            } catch (OutOfBoundsException e) {
                walk.warn(stream, FirmwareCode.SECTION_TRUNCATED,
                        off, s.typeName() + " section is truncated: " + e.getMessage());
            }
            off += (int) s.size();
        }
    }

    /** The rest of a body that is not a section stream: UEFITool's "non-UEFI data", scanned raw here. */
    private static void rest(Blob stream, int off, String why, Walk walk) {
        ByteSlice r = stream.data().from(Math.min(off, stream.data().length()));
        if (r.isEmpty() || r.isFilledWith(0) || r.isFilledWith(0xFF)) {
            return;
        }
        walk.finding(stream, Finding.info(FirmwareCode.SECTION_STREAM_INVALID, off, why + "; scanning the rest raw"));
        walk.explore(stream.child(r, "non-UEFI data@" + Hex.offset(off)));
    }

    private static void section(Blob stream, int off, Section s, boolean v3, Walk walk) {
        ByteSlice d = stream.data();
        ByteSlice body = d.slice(off + s.headerSize(), s.size() - s.headerSize());
        String name = null;
        switch (s.type()) {
            case Section.COMPRESSION -> {
                walk.seen(stream, "section", off, s.size(), null, "compression type " + body.u8(4));
                CompressedSection.open(stream, off, body, v3, walk);
                return;
            }
            case Section.GUID_DEFINED -> {
                walk.seen(stream, "section", off, s.size(), Guid.read(body, 0), "GUID-defined");
                GuidedSection.open(stream, off, s, v3, walk);
                return;
            }
            case Section.DISPOSABLE -> nested(stream.child(body, "disposable section"), v3, walk);
            case Section.PE32, Section.PIC, Section.TE -> {
                name = Codecs.pe(body).orElse(null);
                walk.carve(stream.child(body, s.typeName() + " section@" + Hex.offset(off)));
            }
            case Section.USER_INTERFACE -> name = ucs2(body);
            case Section.VERSION -> name = body.length() > 2 ? ucs2(body.from(2)) : null;
            case Section.FREEFORM_SUBTYPE_GUID -> {
                name = Guid.read(body, 0);
                walk.explore(stream.child(body.from(16), "freeform section " + name));
            }
            case Section.COMPATIBILITY16, Section.FV_IMAGE, Section.RAW ->
                    walk.explore(stream.child(body, s.typeName() + " section@" + Hex.offset(off)));
            case Section.DXE_DEPEX, Section.PEI_DEPEX, Section.MM_DEPEX, 0x20, 0xF0 -> {
            }
            default -> walk.explore(stream.child(body, "unknown section 0x" + Integer.toHexString(s.type())));
        }
        walk.seen(stream, "section", off, s.size(), name, s.typeName());
    }

    /** Walks decoded or encapsulated bytes as sections when they look like them, else scans them raw. */
    static void nested(Blob inner, boolean v3, Walk walk) {
        if (!walk.enter(inner)) {
            return;
        }
        if (Section.looksLikeStream(inner.data(), v3)) {
            walk(inner, v3, walk);
        } else {
            walk.explore(inner);
        }
    }

    private static String ucs2(ByteSlice b) {
        int n = 0;
        while (n + 1 < b.length() && b.u16(n) != 0 && n < 512) {
            n += 2;
        }
        return new String(b.bytes(0, n), StandardCharsets.UTF_16LE);
    }
}
