package io.github.vbios.rom.patch;

import io.github.vbios.io.VbiosException;

/**
 * What {@code vbios patch} should do besides cutting the PCI view (issue 4).
 *
 * @param fixChecksum recompute the x86 checksums ({@link ChecksumFixer})
 * @param vendorId new vendor ID for the images carrying the card's IDs, or null
 * @param deviceId new device ID, or null (both or neither)
 * @param keepNvidiaImages keep the full NVIDIA view instead of the PCI view
 * @param allowShadow write a romfile from a shadow copy anyway ({@code --allow-shadow}; issue 15)
 * @param allowBrokenEfi write a romfile whose X64 EFI image does not decode ({@code --allow-broken-efi})
 */
public record PatchOptions(boolean fixChecksum, Integer vendorId, Integer deviceId, boolean keepNvidiaImages,
                           boolean allowShadow, boolean allowBrokenEfi) {
    public PatchOptions(boolean fixChecksum, Integer vendorId, Integer deviceId, boolean keepNvidiaImages) {
        this(fixChecksum, vendorId, deviceId, keepNvidiaImages, false, false);
    }

    public PatchOptions {
        if ((vendorId == null) != (deviceId == null)) {
            throw new IllegalArgumentException("vendor and device ID go together");
        }
        if (vendorId != null && !fixChecksum) {
            // a PCIR edit changes bytes inside the x86 checksum range: without a fix SeaBIOS rejects the image
            throw new VbiosException(VbiosException.Kind.USAGE, "--set-ids changes bytes that the x86 checksum "
                    + "covers; add --fix-checksum so the romfile stays valid");
        }
    }

    public static PatchOptions cleanOnly() {
        return new PatchOptions(false, null, null, false);
    }

    /** The same options with the two refusals of issue 15 lifted as asked. */
    public PatchOptions allowing(boolean shadow, boolean brokenEfi) {
        return new PatchOptions(fixChecksum, vendorId, deviceId, keepNvidiaImages, shadow, brokenEfi);
    }

    public boolean setIds() {
        return vendorId != null;
    }
}
