package io.github.vbios.firmware.uefi;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import java.util.Map;

/**
 * EFI/UEFI/FMP, Toshiba and AMI Aptio capsules (firmware.md 2.2). Like UEFITool, the body is
 * handed to the descriptor and raw-area scans; FMP payload headers are not walked.
 */
public final class Capsule implements Container {
    private enum Kind { EFI, TOSHIBA, AMI }

    static final String EFI = "3B6686BD-0D76-4030-B70E-B5519E2FC5A0";
    static final String FMP = "6DCBD5ED-E82D-4C44-BDA1-7194199AD92A";
    static final String TOSHIBA = "3BE07062-1D51-45D2-832B-F093257ED461";
    static final String AMI_SIGNED = "4A3CA68B-7723-48FB-803D-578CC1FEC44D";
    static final String AMI_UNSIGNED = "14EEBB90-890A-43DB-AED1-5D3C4588A418";

    private static final Map<String, Kind> GUIDS = Map.of(
            EFI, Kind.EFI, FMP, Kind.EFI,
            "539182B9-ABB5-4391-B69A-E3A943F72FCC", Kind.EFI,
            "E20BAFD3-9914-4F4F-9537-3129E090EB3C", Kind.EFI,
            "25B5FE76-8243-4A5C-A9BD-7EE3246198B5", Kind.EFI,
            TOSHIBA, Kind.TOSHIBA, AMI_SIGNED, Kind.AMI, AMI_UNSIGNED, Kind.AMI);

    @Override
    public String kind() {
        return "capsule";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() >= 0x20 && GUIDS.containsKey(Guid.read(d, 0));
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        String guid = Guid.read(d, 0);
        Kind k = GUIDS.get(guid);
        long headerSize = d.u32(0x10);
        long imageSize = k == Kind.TOSHIBA ? d.u32(0x14) : d.u32(0x18);
        long bodyStart = k == Kind.AMI ? d.u16(0x1C) : headerSize;
        if (k == Kind.AMI && bodyStart > 0 && bodyStart >= d.length() && imageSize > d.length()) {
            return headerOnly(blob, walk, guid, bodyStart, imageSize);
        }
        if (bodyStart == 0 || bodyStart > d.length() || bodyStart > imageSize || imageSize > d.length()) {
            walk.finding(blob, Finding.warning(FirmwareCode.CAPSULE_HEADER_INVALID,
                    0, "capsule " + guid + " header is invalid (body at " + bodyStart
                    + ", image size " + imageSize + ", file " + d.length() + " bytes); scanning the file raw"));
            return false;
        }
        walk.seen(blob, "capsule", 0, imageSize, guid, k.name());
        walk.explore(blob.child(d.slice(bodyStart, imageSize - bodyStart), k.name() + " capsule body"));
        if (imageSize < d.length()) {
            walk.explore(blob.child(d.from(imageSize), "after capsule"));
        }
        return true;
    }

    /**
     * An AMI capsule header whose body is absent. Aptio V secure-flash images carry exactly this
     * inside a firmware volume: FFS file 414D94AD-998D-47D2-BFCD-4E882241DE32, freeform section
     * 5A88641B-BBB9-4AA6-80F7-498AE407C31F, holding the 4 KiB signed-capsule header (key and
     * signature of the image it sits in) and nothing else. Nested, that is normal (an info); as
     * the whole input it means the file is cut short or is only that block (a warning).
     */
    private static boolean headerOnly(Blob blob, Walk walk, String guid, long bodyStart, long imageSize) {
        long length = blob.data().length();
        walk.seen(blob, "capsule", 0, length, guid, "AMI signed-capsule header only");
        boolean nested = blob.path().depth() > 1;
        String what = "AMI capsule " + guid + " header only (" + length + " bytes; its body of "
                + (imageSize - bodyStart) + " bytes at " + bodyStart + " is not here)";
        FirmwareCode code = FirmwareCode.CAPSULE_HEADER_ONLY;
        Finding f = nested ? Finding.info(code, 0, what + ": the signed-capsule header an AMI Aptio V secure-flash image"
                + " carries for its signature check; nothing to unpack")
                : Finding.warning(code, 0, what + ": the file is cut short or is only the signature block of an AMI"
                + " secure-flash update; scanning it raw");
        walk.finding(blob, f);
        return nested;
    }
}
