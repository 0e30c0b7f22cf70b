package io.github.vbios.plan;

import io.github.vbios.io.Finding;
import io.github.vbios.io.FindingCode;

/**
 * The kinds of notes of the plans ({@code vm}, {@code optimus}): JSON {@code noteCodes}, beside the
 * sentences of {@code notes}. Each id is {@code plan.<name>}, stable, and listed in docs/json.md
 * (FindingCodesDocTest keeps them equal). Notes that say what another room already names keep that
 * room's code ({@code rom.shadow-copy}, {@code acpi.nvidia-view-served}, a firmware finding's own code).
 */
public enum PlanCode implements FindingCode {
    /** The device to pass is not a display controller. */
    DEVICE_NOT_DISPLAY,
    /** A 3D controller (muxless dGPU) without --ssdt: it needs the _ROM table. */
    ROM_TABLE_NEEDED,
    /** The GPU is the host's boot VGA and no --romfile was given: the guest would see the shadowed ROM. */
    BOOT_VGA_WITHOUT_ROMFILE,
    /** The host reads no usable subsystem IDs (device asleep or no driver ran); they are left out. */
    SUBSYSTEM_UNREADABLE,
    /** The --romfile is not exactly the PCI view QEMU needs: run vbios patch. */
    ROMFILE_NOT_CLEAN,
    /** The --romfile is for other vendor:device IDs than the GPU. */
    ROMFILE_IDS_DIFFER,
    /** The root port's usual slot is taken in the domain; another one is used. */
    SLOT_TAKEN,
    /** Without --domain, the controller index and slot are guesses. */
    SLOT_GUESSED,
    /** libvirt's qemu user may not read files outside /var/lib/libvirt/. */
    PATH_OUTSIDE_LIBVIRT,
    /** The VM booted with SeaBIOS and is switched to UEFI (--switch-to-uefi). */
    SWITCHED_TO_UEFI,
    /** The VM boots with SeaBIOS and stays so (the tables work under SeaBIOS too). */
    STAYS_SEABIOS,
    /** The domain had no {@code <features><acpi/>}: added. */
    ACPI_ADDED,
    /** Proxmox's root port has hotplug on: args turn it off. */
    HOTPLUG_TURNED_OFF,
    /** --keep-hotplug: Proxmox's root port keeps hotplug on (_DSM/_SUN/_EJ0 beside _ROM). */
    HOTPLUG_KEPT,
    /** No --vm-config: q35 is assumed and qm set --args replaces existing args. */
    NO_VM_CONFIG,
    /** The host's PCI devices cannot be read; the configs use a placeholder address. */
    HOST_UNREADABLE,
    /** No device at --device on this host; the configs use that address. */
    DEVICE_NOT_ON_HOST,
    /** Several NVIDIA GPUs on this host and no --device. */
    SEVERAL_GPUS,
    /** The input is an option ROM of a class that is not a display controller. */
    ROM_NOT_DISPLAY,
    /** The input also holds the integrated GPU's video BIOS, not a candidate for the dGPU. */
    IGPU_ROM_FOUND,
    /** No candidate has the host GPU's IDs; the choice runs over all of them. */
    HOST_IDS_UNMATCHED,
    /** The chosen ROM's subsystem IDs differ from the host GPU's (another laptop model's VBIOS?). */
    SUBSYSTEM_DIFFERS,
    /** The ROM carries no subsystem IDs and the GPU is not on this host: add them by hand. */
    SUBSYSTEM_MISSING;

    @Override
    public String room() {
        return "plan";
    }

    /** A note of this kind: a sentence for the user, not tied to an offset. */
    public Finding note(String sentence) {
        return Finding.warning(this, -1, sentence);
    }
}
