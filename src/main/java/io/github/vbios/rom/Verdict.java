package io.github.vbios.rom;

import io.github.vbios.io.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What the user wants to know first.
 *
 * @param uefiCapable an EFI image for X64 in the PCI view decompresses to a valid PE32+; null when that
 *                    cannot be judged from the file (a shadow copy: see {@link #uefiUnknownReason})
 * @param romfileReady the file is exactly the PCI view (usable as QEMU romfile as it is)
 * @param shadow the shadow-copy evidence (issue 15), or null when the file is not one
 * @param efiDamaged an EFI image of the PCI view claims X64 but does not decode to a valid PE32+: a damaged dump
 * @param problems the warnings, each with its {@link RomCode} (logic reads the code, the user the sentence)
 * @param remarks things worth knowing that are not wrong (EFI images with IDs 0000:0000, ...), each with its
 *                {@link RomCode} (info)
 * @param advice what to do next, or null
 */
public record Verdict(Boolean uefiCapable, boolean romfileReady, ShadowCopy shadow, boolean efiDamaged,
                      List<Finding> problems, List<Finding> remarks, String advice) {
    public Verdict {
        problems = List.copyOf(problems);
        remarks = List.copyOf(remarks);
    }

    /** The sentences of {@link #remarks}, for the user (info text, JSON {@code verdict.notes}). */
    public List<String> notes() {
        return Finding.messages(remarks);
    }

    /** The verdict of a file without any PCI option ROM. */
    static Verdict none(List<Finding> problems, String advice) {
        return new Verdict(false, false, null, false, problems, List.of(), advice);
    }

    /** The sentences of {@link #problems}, for the user (info text, JSON {@code verdict.warnings}). */
    public List<String> warnings() {
        return Finding.messages(problems);
    }

    /** The first warning of kind {@code code}. */
    public Optional<Finding> problem(RomCode code) {
        return problems.stream().filter(f -> f.is(code)).findFirst();
    }

    /** Looks like a boot GPU's shadow copy (single x86 image, no EFI, shrunk or cut at boot). */
    public boolean shadowCopySuspect() {
        return shadow != null;
    }

    public Optional<ShadowCopy> shadowCopy() {
        return Optional.ofNullable(shadow);
    }

    /** Why {@link #uefiCapable} is null, or null when it is known. */
    public String uefiUnknownReason() {
        return uefiCapable == null ? ShadowCopy.UEFI_UNKNOWN : null;
    }

    /** "yes", "no" or "unknown (shadow copy)" for text output. */
    public String uefiText() {
        return uefiCapable == null ? "unknown (shadow copy)" : uefiCapable ? "yes" : "no";
    }
}
