package io.github.vbios.rom.patch;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.CodeType;
import io.github.vbios.rom.Pcir;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.RomImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes the vendor/device ID in the PCIR of the images that carry the card's IDs (what
 * rom-parser's FIXER build and GPU-Z users do by hand). Only PCI-view images with a PCIR and the
 * x86 image's IDs are touched: NVIDIA private images keep their "ROM device" ID (rom-format.md
 * 1.5), and odd-ID images (Blackwell's 0000:0000 EFI image, 3.8) are left as they are.
 * The x86 checksum is no longer right afterwards; {@link ChecksumFixer} must follow.
 */
public final class IdPatcher {
    private IdPatcher() {
    }

    /** One PCIR that was rewritten; offsets are in the patched romfile. */
    public record Change(long imageOffset, long pcirOffset, int codeType, int oldVendorId, int oldDeviceId,
                         int newVendorId, int newDeviceId) {
    }

    /**
     * What was changed and which images were left alone, and why.
     *
     * @param leftAlone each image (or device list) not changed, with its {@code RomCode} (info)
     */
    public record Result(int vendorId, int deviceId, List<Change> changes, List<Finding> leftAlone) {
        public Result {
            changes = List.copyOf(changes);
            leftAlone = List.copyOf(leftAlone);
        }

        /** The sentences of {@link #leftAlone}, for the user (patch text, JSON {@code ids.skipped}). */
        public List<String> skipped() {
            return Finding.messages(leftAlone);
        }
    }

    /** Rewrites the IDs in {@code rom} in place; {@code a} is the analysis of exactly these bytes. */
    public static Result patch(byte[] rom, RomAnalysis a, int vendorId, int deviceId) {
        List<Change> changes = new ArrayList<>();
        List<Finding> skipped = new ArrayList<>();
        RomImage card = a.pciImages().stream().filter(RomImage::isX86).findFirst()
                .orElse(a.pciImages().isEmpty() ? null : a.pciImages().get(0));
        if (card == null) {
            return new Result(vendorId, deviceId, changes,
                    List.of(Finding.info(RomCode.NO_PCI_VIEW, -1, "no PCI image: nothing to change")));
        }
        for (RomImage i : a.pciImages()) {
            String where = CodeType.name(i.codeType()) + " image at " + Hex.offset(i.offset());
            if (!Pcir.PCIR.equals(i.dataStructure()) || !(i.isX86() || i.isEfi())) {
                skipped.add(Finding.info(RomCode.IDS_KEPT_PRIVATE_IMAGE, i.offset(),
                        where + ": NVIDIA private or non-firmware image, keeps its ID"));
            } else if (i.vendorId() != card.vendorId() || i.deviceId() != card.deviceId()) {
                skipped.add(Finding.info(RomCode.IDS_KEPT_OTHER_IDS, i.offset(), where + ": carries "
                        + Hex.id16(i.vendorId()) + ":" + Hex.id16(i.deviceId()) + ", not the card's IDs; left unchanged"));
            } else if (ByteSlice.of(rom).contains(i.pcir().offset(), 8)) {
                long p = i.pcir().offset();
                put16(rom, p + 4, vendorId);
                put16(rom, p + 6, deviceId);
                changes.add(new Change(i.offset(), p, i.codeType(), i.vendorId(), i.deviceId(), vendorId, deviceId));
                if (i.pcir().revision() >= 3 && i.pcir().deviceListOffset() != 0) {
                    // PCI 3.0 device list (rom-format.md 1.4): extra IDs the image also supports; left as they are
                    skipped.add(Finding.info(RomCode.DEVICE_LIST_KEPT, i.offset(), where + ": its PCI 3.0 device list at PCIR+0x"
                            + Integer.toHexString(i.pcir().deviceListOffset()) + " is left unchanged"));
                }
            }
        }
        return new Result(vendorId, deviceId, changes, skipped);
    }

    private static void put16(byte[] a, long at, int v) {
        a[(int) at] = (byte) v;
        a[(int) at + 1] = (byte) (v >> 8);
    }
}
