package io.github.vbios.plan;

import io.github.vbios.io.Finding;
import io.github.vbios.io.FindingCode;
import io.github.vbios.io.Severity;

/**
 * The kinds of notes of the plans ({@code vm}, {@code optimus}): JSON {@code noteCodes}, beside the
 * sentences of {@code notes}. Each id is {@code plan.<name>}, stable, and listed in docs/json.md
 * (FindingCodesDocTest keeps them equal). Notes that say what another room already names keep that
 * room's code ({@code rom.shadow-copy}, {@code acpi.nvidia-view-served}, a firmware finding's own code).
 * Each kind has one severity: {@code WARNING} when the user must act or the plan may not work as written,
 * {@code INFO} for what vbios did or a hint (JSON {@code noteSeverities}; the text says "warning" only for the first).
 */
public enum PlanCode implements FindingCode {
    /** The device to pass is not a display controller. */
    DEVICE_NOT_DISPLAY(Severity.WARNING),
    /** A 3D controller (muxless dGPU) without --ssdt: it needs the _ROM table. */
    ROM_TABLE_NEEDED(Severity.WARNING),
    /** The GPU is the host's boot VGA and no --romfile was given: the guest would see the shadowed ROM. */
    BOOT_VGA_WITHOUT_ROMFILE(Severity.WARNING),
    /** The host reads no usable subsystem IDs (device asleep or no driver ran); they are left out. */
    SUBSYSTEM_UNREADABLE(Severity.WARNING),
    /** The --romfile is not exactly the PCI view QEMU needs: run vbios patch. */
    ROMFILE_NOT_CLEAN(Severity.WARNING),
    /** The --romfile is for other vendor:device IDs than the GPU. */
    ROMFILE_IDS_DIFFER(Severity.WARNING),
    /** The root port's usual slot is taken in the domain; another one is used (info). */
    SLOT_TAKEN(Severity.INFO),
    /** Without --domain, the controller index and slot are guesses. */
    SLOT_GUESSED(Severity.WARNING),
    /** libvirt's qemu user may not read files outside /var/lib/libvirt/. */
    PATH_OUTSIDE_LIBVIRT(Severity.WARNING),
    /** The VM booted with SeaBIOS and is switched to UEFI (--switch-to-uefi). */
    SWITCHED_TO_UEFI(Severity.WARNING),
    /** The VM boots with SeaBIOS and stays so; the tables work under SeaBIOS too (info). */
    STAYS_SEABIOS(Severity.INFO),
    /** The domain had no {@code <features><acpi/>}: added (info). */
    ACPI_ADDED(Severity.INFO),
    /** Proxmox's root port has hotplug on: args turn it off (info). */
    HOTPLUG_TURNED_OFF(Severity.INFO),
    /** --keep-hotplug: Proxmox's root port keeps hotplug on (_DSM/_SUN/_EJ0 beside _ROM) (info). */
    HOTPLUG_KEPT(Severity.INFO),
    /** No --vm-config: q35 is assumed and qm set --args replaces existing args. */
    NO_VM_CONFIG(Severity.WARNING),
    /** The host's PCI devices cannot be read; the configs use a placeholder address. */
    HOST_UNREADABLE(Severity.WARNING),
    /** No device at --device on this host; the configs use that address. */
    DEVICE_NOT_ON_HOST(Severity.WARNING),
    /** Several NVIDIA GPUs on this host and no --device. */
    SEVERAL_GPUS(Severity.WARNING),
    /** The input is an option ROM of a class that is not a display controller (info). */
    ROM_NOT_DISPLAY(Severity.INFO),
    /** The input also holds the integrated GPU's video BIOS, not a candidate for the dGPU (info). */
    IGPU_ROM_FOUND(Severity.INFO),
    /** No candidate has the host GPU's IDs; the choice runs over all of them. */
    HOST_IDS_UNMATCHED(Severity.WARNING),
    /** The chosen ROM's subsystem IDs differ from the host GPU's (another laptop model's VBIOS?). */
    SUBSYSTEM_DIFFERS(Severity.WARNING),
    /** The ROM carries no subsystem IDs and the GPU is not on this host: add them by hand. */
    SUBSYSTEM_MISSING(Severity.WARNING);

    private final Severity severity;

    PlanCode(Severity severity) {
        this.severity = severity;
    }

    /** How much a note of this kind matters: WARNING to act on, INFO to know. */
    public Severity severity() {
        return severity;
    }

    @Override
    public String room() {
        return "plan";
    }

    /** A note of this kind, with its {@link #severity()}: a sentence for the user, not tied to an offset. */
    public Finding note(String sentence) {
        return new Finding(severity, -1, sentence, this);
    }
}
