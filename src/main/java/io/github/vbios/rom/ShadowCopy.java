package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A boot GPU's shadowed ROM (rom-format.md 1.9.6): the system firmware copied the legacy x86 image
 * to 0xC0000, its initialisation code shrank or changed it, and the sysfs {@code rom} of the boot
 * GPU returns that copy. It lacks the EFI image (and the NVIDIA images) the card's flash probably
 * holds, so UEFI capability cannot be judged from it. The same story holds for an x86 image cut out
 * of a ROM by hand. {@code info}, {@code patch}, {@code dump}, {@code doctor} and {@code optimus}
 * all tell it with these sentences.
 *
 * @param evidence what in the bytes says so, one sentence each
 */
public record ShadowCopy(List<String> evidence) {
    public static final String SUMMARY = "a shadowed copy of a boot GPU's ROM, changed at boot (or an x86 image cut "
            + "out of a ROM): it lacks the EFI image the card's flash probably holds, so it is no romfile for a VM";
    public static final String UEFI_UNKNOWN = "UEFI capability cannot be judged from a shadow copy: the EFI image "
            + "the card's flash probably holds is not in it";
    /** What {@code doctor} says about a boot GPU's sysfs ROM before anything is read. */
    public static final String BOOT_GPU = "the firmware used this GPU for the boot console: its ROM read through "
            + "sysfs is the shadowed copy changed at boot, which lacks the EFI image the card's flash probably holds";

    public ShadowCopy {
        evidence = List.copyOf(evidence);
    }

    /**
     * The way out, in order of preference. {@code ids}: the card's {@code vvvv:dddd subsystem ssss:ssss}
     * when the caller knows them (the host), or null.
     */
    public static List<String> wayOut(String ids) {
        String match = ids == null ? "match the subsystem IDs that lspci -nn -v shows as 'Subsystem: ... [ssss:ssss]'"
                : "match " + ids;
        return List.of(
                "download the ROM for the exact board from TechPowerUp's VGA BIOS collection "
                        + "(https://www.techpowerup.com/vgabios/) or the card vendor (" + match
                        + "); vbios patch cleans it: vbios patch DOWNLOADED.rom -o gpu.rom",
                "dump it with the card as a secondary GPU: put it in another slot, or make the iGPU or another "
                        + "card the primary display in the firmware setup, then: sudo vbios dump BDF -o gpu.rom",
                "take it from the vendor's VBIOS or firmware update: vbios extract UPDATE -o vbios-out/");
    }

    /** The way out as one line: "1) ... 2) ... 3) ...". */
    public static String wayOutLine(String ids) {
        List<String> w = wayOut(ids);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(i + 1).append(") ").append(w.get(i));
        }
        return sb.toString();
    }

    /** {@link #SUMMARY} with the evidence, for refusals and warnings. */
    public String sentence() {
        return SUMMARY + " (" + String.join("; ", evidence) + ")";
    }

    /**
     * Detects the shadow-copy layout: one x86 image in the PCI view, no EFI image in either view, and
     * bytes that say the image was shrunk or cut (issue 15). A ROM whose PCIR length covers NVIDIA
     * images that are all present, with a valid checksum, is a legacy-only layout-B ROM, not a shadow.
     */
    static Optional<ShadowCopy> detect(ByteSlice file, RomView pci, RomView nvidia) {
        if (pci.images().size() != 1 || !pci.images().get(0).isX86()
                || nvidia.images().stream().anyMatch(RomImage::isEfi)) {
            return Optional.empty();
        }
        RomImage x86 = pci.images().get(0);
        X86Checksum sum = x86.x86Checksum().orElse(null);
        if (coversValidNvidiaImages(file, x86, nvidia, sum)) {
            return Optional.empty();
        }
        List<String> e = new ArrayList<>();
        // in a cut-out x86 image byte 2 < PCIR length is plain layout B, no sign of shrinking
        if (!pci.truncated() && sum != null && sum.byte2Length() > 0 && sum.byte2Length() < x86.pcirLength()) {
            e.add("byte 2 says " + Hex.offset(sum.byte2Length()) + " bytes, the PCIR length "
                    + Hex.offset(x86.pcirLength()) + " (shrunk at boot)");
        }
        x86.npde().filter(n -> n.honoured() && n.subImageLength() > x86.pcirLength()).ifPresent(n -> e.add(
                "the NPDE still says " + Hex.offset(n.subImageLength()) + " bytes, the PCIR length only "
                        + Hex.offset(x86.pcirLength()) + " (shrunk at boot)"));
        if (pci.truncated()) {
            e.add("the x86 image's PCIR length " + Hex.offset(x86.pcirLength()) + " runs past the end of the "
                    + file.length() + "-byte file (truncated: the copy ends early" + (x86.npde()
                    .filter(n -> x86.offset() + n.subImageLength() == file.length()).isPresent()
                    ? "; the file is exactly the NPDE sub-image: the x86 image alone" : "") + ")");
        } else if (!x86.last() && pci.end() >= file.length()) {
            e.add("the file ends at " + Hex.offset(file.length()) + " where the x86 image says more images follow "
                    + "(indicator not last)");
        }
        if (sum != null && !sum.valid() && !pci.truncated()) {
            e.add("the x86 checksum over the " + sum.rule() + " range is not zero (changed at boot)");
        }
        return e.isEmpty() ? Optional.empty() : Optional.of(new ShadowCopy(e));
    }

    /**
     * Layout B (rom-format.md 1.9.4): NVIDIA-only images lie inside the x86 image's PCIR length. When
     * they are there, wholly inside the file, and the x86 checksum is valid, nothing was cut.
     */
    private static boolean coversValidNvidiaImages(ByteSlice file, RomImage x86, RomView nvidia, X86Checksum sum) {
        long end = x86.offset() + x86.pcirLength();
        List<RomImage> inside = nvidia.images().stream()
                .filter(i -> i.offset() > x86.offset() && i.offset() < end).toList();
        return !inside.isEmpty() && end <= file.length() && sum != null && sum.valid()
                && inside.stream().allMatch(i -> i.offset() + i.nvidiaLength() <= end);
    }
}
