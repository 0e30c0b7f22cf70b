package io.github.vbios.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.AmdIdentity;
import io.github.vbios.rom.Container;
import io.github.vbios.rom.EfiPayload;
import io.github.vbios.rom.EfiRomHeader;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomImage;
import io.github.vbios.rom.RomView;
import io.github.vbios.rom.ShadowCopy;
import io.github.vbios.rom.Verdict;
import io.github.vbios.rom.X86Checksum;
import io.github.vbios.rom.X86Header;
import io.github.vbios.rom.nvidia.Npde;
import io.github.vbios.rom.nvidia.NvidiaIdentity;
import java.util.List;
import java.util.Locale;

/** JSON rendering of {@link RomAnalysis} for {@code vbios info --json} (DESIGN.md section 2). */
final class InfoJson {
    private InfoJson() {
    }

    static ObjectNode file(ObjectNode n, String name, RomAnalysis a) {
        n.put("file", name);
        n.put("size", a.fileLength());
        n.put("optionRom", a.isOptionRom());
        n.set("container", container(n.objectNode(), a.container()));
        n.set("pciView", view(n.objectNode(), a.pciView()));
        n.set("nvidiaView", view(n.objectNode(), a.nvidiaView()));
        ArrayNode images = n.putArray("images");
        for (RomImage i : a.allImages()) {
            images.add(image(n.objectNode(), i, a));
        }
        a.identity().nvidia().ifPresent(nv -> n.set("nvidia", nvidia(n.objectNode(), nv)));
        a.identity().amd().ifPresent(amd -> n.set("amd", amd(n.objectNode(), amd)));
        ArrayNode sums = n.putObject("checksum").putArray("x86Images");
        a.checksums().forEach(c -> sums.add(checksum(n.objectNode(), c)));
        n.set("verdict", verdict(n.objectNode(), a.verdict()));
        n.set("findings", findings(n.arrayNode(), a.findings()));
        return n;
    }

    private static ObjectNode container(ObjectNode n, Container c) {
        n.put("kind", c.kind().jsonName());
        n.put("romStart", c.romStart());
        putOffset(n, "headerOffset", c.headerOffset());
        putOffset(n, "directoryOffset", c.directoryOffset());
        n.put("details", c.details());
        if (!c.candidates().isEmpty()) {
            ArrayNode arr = n.putArray("candidates");
            c.candidates().forEach(arr::add);
        }
        return n;
    }

    private static ObjectNode view(ObjectNode n, RomView v) {
        n.put("start", v.start());
        n.put("end", v.end());
        n.put("length", Math.max(0, v.length()));
        n.put("sha256", v.sha256());
        n.put("complete", v.complete());
        n.put("truncated", v.truncated());
        ArrayNode offs = n.putArray("imageOffsets");
        v.images().forEach(i -> offs.add(i.offset()));
        return n;
    }

    private static ObjectNode image(ObjectNode n, RomImage i, RomAnalysis a) {
        n.put("offset", i.offset());
        n.put("signature", i.signature().text());
        n.put("dataStructure", i.dataStructure());
        n.put("vendorId", Hex.id16(i.vendorId()));
        n.put("deviceId", Hex.id16(i.deviceId()));
        n.put("classCode", Hex.digits(i.classCode(), 6));
        n.put("codeType", i.codeType());
        n.put("codeTypeName", i.codeTypeName());
        n.put("pcirLength", i.pcirLength());
        n.put("pcirRevision", i.pcir().revision());
        n.put("indicator", i.indicator());
        n.put("last", i.last());
        n.put("nvidiaLength", i.nvidiaLength());
        ArrayNode views = n.putArray("views");
        if (a.pciImages().contains(i)) {
            views.add("pci");
        }
        if (a.nvidiaImages().contains(i)) {
            views.add("nvidia");
        }
        i.npde().ifPresent(p -> n.set("npde", npde(n.objectNode(), p)));
        i.efiHeader().ifPresent(h -> n.set("efi", efi(n.objectNode(), h, i)));
        i.x86Header().ifPresent(x -> n.set("x86", x86(n.objectNode(), x)));
        i.nbsi().ifPresent(b -> n.putObject("nbsi").put("dataOffset", b.dataOffset()).put("blockSize", b.blockSize()));
        return n;
    }

    private static ObjectNode npde(ObjectNode n, Npde p) {
        n.put("offset", p.offset());
        n.put("revision", "0x" + Hex.digits(p.revision(), 4));
        n.put("length", p.length());
        n.put("subImageLength", p.subImageLength());
        n.put("last", p.hasLastFlag() && p.last());
        n.put("lastImageByte", p.lastImage());
        n.put("flags", p.flags());
        n.put("checksumDisabled", p.checksumDisabled());
        if (p.extra() != null) {
            n.put("extra", p.extra());
        }
        return n;
    }

    private static ObjectNode efi(ObjectNode n, EfiRomHeader h, RomImage i) {
        n.put("initializationSize", h.initializationSize() * 512L);
        n.put("signatureValid", h.signatureValid());
        n.put("machine", Hex.id16(h.machine()));
        n.put("machineName", EfiRomHeader.machineName(h.machine()));
        n.put("subsystem", h.subsystem());
        n.put("compression", h.compressionType());
        n.put("imageOffset", h.imageOffset());
        i.gopVersion().ifPresent(v -> n.put("gopVersion", v).put("gopVersionHex", gopHex(v)));
        i.efiPayload().ifPresent(p -> payload(n, p));
        return n;
    }

    private static void payload(ObjectNode n, EfiPayload p) {
        n.put("decompressedSize", p.decompressedSize());
        n.put("decompressedSha256", p.decompressedSha256());
        if (p.peMachine() >= 0) {
            n.put("peMachine", Hex.id16(p.peMachine()));
            n.put("peSubsystem", p.peSubsystem());
            n.put("pe32Plus", p.pe32Plus());
        }
        if (p.gopName() != null) {
            n.put("gopName", p.gopName());
        }
        if (p.error() != null) {
            n.put("error", p.error());
        }
    }

    static String gopHex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    private static ObjectNode x86(ObjectNode n, X86Header x) {
        n.put("initSize", x.initSize());
        n.put("entry", x.entry());
        n.put("pnpOffset", x.pnpOffset());
        if (x.date() != null) {
            n.put("date", x.date());
        }
        if (x.subsystemVendorId() >= 0) {
            n.put("subsystemVendorId", Hex.id16(x.subsystemVendorId()));
            n.put("subsystemDeviceId", Hex.id16(x.subsystemDeviceId()));
        }
        n.put("pmid", x.pmid());
        return n;
    }

    private static ObjectNode nvidia(ObjectNode n, NvidiaIdentity nv) {
        n.put("bitOffset", nv.bitOffset());
        n.put("bitChecksumValid", nv.bitChecksumValid());
        n.put("version", nv.version());
        n.put("date", nv.date());
        n.put("headerDate", nv.headerDate());
        n.put("versionString", nv.versionString());
        n.put("signOn", nv.signOn());
        n.put("copyright", nv.copyright());
        n.put("oemString", nv.oemString());
        n.put("oemVendor", nv.oemVendor());
        n.put("oemProductName", nv.oemProductName());
        n.put("oemProductRevision", nv.oemProductRevision());
        n.put("pointerRebase", nv.rebase());
        ArrayNode t = n.putArray("bitTokens");
        nv.tokens().forEach(k -> t.addObject().put("id", String.valueOf(k.idChar())).put("version", k.dataVersion())
                .put("size", k.dataSize()).put("pointer", k.pointer()).put("offset", k.absoluteOffset()));
        return n;
    }

    private static ObjectNode amd(ObjectNode n, AmdIdentity amd) {
        putOffset(n, "atomOffset", amd.atomOffset());
        n.put("version", amd.version());
        n.put("name", amd.name());
        n.put("partNumber", amd.partNumber());
        n.put("date", amd.date());
        return n;
    }

    private static ObjectNode checksum(ObjectNode n, X86Checksum c) {
        n.put("imageOffset", c.imageOffset());
        n.putObject("byte2").put("length", c.byte2Length()).put("sum", c.byte2Sum());
        n.putObject("pcirLength").put("length", c.pcirLength()).put("sum", c.pcirSum());
        if (c.npdeLength() >= 0) {
            n.putObject("npdeLength").put("length", c.npdeLength()).put("sum", c.npdeSum());
        }
        n.put("rule", c.rule());
        n.put("valid", c.valid());
        n.put("seabiosAccepts", c.seabiosAccepts());
        return n;
    }

    private static ObjectNode verdict(ObjectNode n, Verdict v) {
        n.put("uefiCapable", v.uefiCapable());
        n.put("uefiUnknownReason", v.uefiUnknownReason());
        n.put("romfileReady", v.romfileReady());
        n.put("shadowCopySuspect", v.shadowCopySuspect());
        n.set("shadowCopy", v.shadowCopy().map(s -> (JsonNode) shadowCopy(n.objectNode(), s)).orElse(n.nullNode()));
        n.put("efiDamaged", v.efiDamaged());
        ArrayNode w = n.putArray("warnings");
        v.warnings().forEach(w::add);
        ArrayNode codes = n.putArray("warningCodes");
        v.problems().forEach(p -> codes.add(p.code().id()));
        CodedSentences.notes(n, v.remarks());
        n.put("advice", v.advice());
        return n;
    }

    /** The shadow-copy object of {@code info}, {@code patch} and {@code dump} (docs/json.md). */
    static ObjectNode shadowCopy(ObjectNode n, ShadowCopy s) {
        n.put("summary", ShadowCopy.SUMMARY);
        ArrayNode e = n.putArray("evidence");
        s.evidence().forEach(e::add);
        ArrayNode way = n.putArray("wayOut");
        ShadowCopy.wayOut(null).forEach(way::add);
        return n;
    }

    static ArrayNode findings(ArrayNode arr, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            putOffset(o, "offset", f.offset());
            o.put("message", f.message());
            o.put("code", f.code().id());
        }
        return arr;
    }

    private static void putOffset(ObjectNode n, String key, long value) {
        if (value >= 0) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }
}
