package io.github.vbios.rom;

import java.util.List;

/**
 * What the user wants to know first.
 *
 * @param uefiCapable an EFI image for X64 in the PCI view decompresses to a valid PE32+
 * @param romfileReady the file is exactly the PCI view (usable as QEMU romfile as it is)
 * @param shadowCopySuspect looks like a boot GPU's shadow copy (single x86 image, no EFI, shrunk or bad checksum)
 * @param warnings sentences for the user
 * @param advice what to do next, or null
 */
public record Verdict(boolean uefiCapable, boolean romfileReady, boolean shadowCopySuspect, List<String> warnings,
                      String advice) {
    public Verdict {
        warnings = List.copyOf(warnings);
    }
}
