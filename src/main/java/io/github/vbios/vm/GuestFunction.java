package io.github.vbios.vm;

/**
 * One host PCI function given to the guest, behind a {@link RootPort}.
 *
 * @param hostAddress       sysfs address on the host, {@code 0000:01:00.0}
 * @param guestFunction     function number in the guest slot (0 for the GPU)
 * @param subsystemVendorId value for {@code x-pci-sub-vendor-id}, -1 for none
 * @param subsystemDeviceId value for {@code x-pci-sub-device-id}, -1 for none
 * @param romfile           absolute path of the romfile, null for none
 * @param alias             stable name: the QEMU id and, with {@code ua-}, the libvirt alias
 * @param vendorId          the function's own PCI vendor ID (what the guest sees), -1 when unknown
 * @param deviceId          the function's own PCI device ID, -1 when unknown
 */
public record GuestFunction(String hostAddress, int guestFunction, int subsystemVendorId, int subsystemDeviceId,
                            String romfile, String alias, int vendorId, int deviceId) {
    /** A function whose own IDs are not known (a GPU prepared on another machine). */
    public GuestFunction(String hostAddress, int guestFunction, int subsystemVendorId, int subsystemDeviceId,
                         String romfile, String alias) {
        this(hostAddress, guestFunction, subsystemVendorId, subsystemDeviceId, romfile, alias, -1, -1);
    }

    public boolean hasSubsystem() {
        return subsystemVendorId >= 0 && subsystemDeviceId >= 0;
    }

    /** {@code 0000:01:00} of {@code 0000:01:00.0}. */
    public String hostSlot() {
        int dot = hostAddress.lastIndexOf('.');
        return dot < 0 ? hostAddress : hostAddress.substring(0, dot);
    }

    /** Host address fields (domain, bus, slot, function) as numbers. */
    public int[] hostFields() {
        String[] p = hostAddress.split("[:.]", -1);
        return new int[] {Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16), Integer.parseInt(p[2], 16),
            Integer.parseInt(p[3], 16)};
    }
}
