package io.github.vbios.vm;

import io.github.vbios.io.Hex;
import java.util.Locale;

/**
 * How to confirm in the guest that the GPU landed on the ACPI node the tables serve. The guest's
 * PCI address is not the host's and not fixed (libvirt adds root ports, so the GPU may be 03:00.0
 * or 07:00.0 while 01:00.0 is another device): the Linux check finds the GPU by vendor:device, and
 * compares its {@code firmware_node/path}, which Linux prints with each name padded to four
 * characters ({@code \_SB_.PCI0.SE0_.S00_}), after dropping the padding. The Windows check is
 * Device Manager's "BIOS device name" of the adapter.
 *
 * @param vendorId the GPU's PCI vendor ID, -1 when unknown (any device is then listed)
 * @param deviceId the GPU's PCI device ID
 * @param acpiPath the expected path, ACPI's unpadded form ({@code \_SB.PCI0.SE0.S00})
 */
public record GuestCheck(int vendorId, int deviceId, String acpiPath) {
    /** The folder the Linux check walks; a test points it at a fake tree. */
    public static final String SYSFS_DEVICES = "/sys/bus/pci/devices";

    public static GuestCheck of(PassthroughPlan plan) {
        GuestFunction gpu = plan.gpu();
        return new GuestCheck(gpu.vendorId(), gpu.deviceId(), plan.acpiPath());
    }

    public boolean idsKnown() {
        return vendorId >= 0 && deviceId >= 0;
    }

    /** "10de:1f99", or "VVVV:DDDD" when unknown. */
    public String ids() {
        return idsKnown() ? Hex.id16(vendorId) + ":" + Hex.id16(deviceId) : "VVVV:DDDD";
    }

    /**
     * A POSIX-sh one-liner (bash, dash, busybox): for each PCI function with the GPU's IDs, its
     * guest address, its normalised ACPI path and OK or MISMATCH.
     */
    public String linux() {
        String want = idsKnown() ? String.format(Locale.ROOT, "0x%04x:0x%04x", vendorId, deviceId)
                : "0xVVVV:0xDDDD";
        return "for d in " + SYSFS_DEVICES + "/*; do [ \"$(cat $d/vendor):$(cat $d/device)\" = " + want
                + " ] || continue; p=$(sed -E 's/_+(\\.|$)/\\1/g' $d/firmware_node/path 2>/dev/null);"
                + " if [ \"$p\" = '" + acpiPath + "' ]; then r=OK; else r='MISMATCH, want " + acpiPath + "'; fi;"
                + " printf '%s %s %s\\n' \"${d##*/}\" \"${p:-no-ACPI-node}\" \"$r\"; done";
    }

    /** The Windows check, one sentence. */
    public String windows() {
        return "Device Manager > Display adapters (Other devices before the driver is installed) > the " + ids()
                + " adapter > Properties > Details > "
                + "\"BIOS device name\" must read " + acpiPath;
    }
}
