package io.github.vbios.acpi;

import io.github.vbios.io.VbiosException;
import java.util.List;

/**
 * Which ACPI path the user asked for, and how it was derived (printed so the user can check it
 * against {@code /sys/bus/pci/devices/*}{@code /firmware_node/path} in the guest).
 *
 * @param path   the GPU node
 * @param source a sentence: where the path came from
 */
public record PathChoice(AcpiPath path, String source) {
    /** QEMU's usual layout: GPU at 01:00.0 behind a root port at 00:01.0. */
    public static final String DEFAULT_GUEST_ADDRESS = "01:00.0";
    public static final String DEFAULT_ROOT_PORT = "00:01.0";

    /**
     * Exactly one way may be used: {@code path}, {@code guestAddress} (+ {@code rootPorts}),
     * {@code libvirtXml} + {@code hostdev}, or {@code proxmoxIndex}; none gives the default.
     */
    public static PathChoice resolve(String path, String guestAddress, List<String> rootPorts, String libvirtXml,
                                     String libvirtName, String hostdev, Integer proxmoxIndex) {
        int ways = (path != null ? 1 : 0) + (guestAddress != null ? 1 : 0) + (libvirtXml != null ? 1 : 0)
                + (proxmoxIndex != null ? 1 : 0);
        if (ways > 1) {
            throw usage("give only one of --path, --guest-address, --libvirt-xml and --proxmox-hostpci");
        }
        if (!rootPorts.isEmpty() && guestAddress == null) {
            throw usage("--root-port needs --guest-address");
        }
        if ((hostdev != null) != (libvirtXml != null)) {
            throw usage("--libvirt-xml and --hostdev go together");
        }
        if (path != null) {
            return new PathChoice(AcpiPath.parse(path), "given with --path");
        }
        if (guestAddress != null) {
            return new PathChoice(AcpiPath.fromGuestAddress(guestAddress, rootPorts), "guest address " + guestAddress
                    + (rootPorts.isEmpty() ? " on the root bus" : " behind " + String.join(" -> ", rootPorts)));
        }
        if (libvirtXml != null) {
            return new PathChoice(LibvirtPath.fromDomainXml(libvirtXml, hostdev), "libvirt domain " + libvirtName
                    + ", hostdev " + hostdev);
        }
        if (proxmoxIndex != null) {
            return new PathChoice(AcpiPath.fromProxmoxHostpci(proxmoxIndex), "Proxmox hostpci" + proxmoxIndex
                    + " with pcie=1 (q35)");
        }
        return new PathChoice(AcpiPath.fromGuestAddress(DEFAULT_GUEST_ADDRESS, List.of(DEFAULT_ROOT_PORT)),
                "default: GPU at " + DEFAULT_GUEST_ADDRESS + " behind a root port at " + DEFAULT_ROOT_PORT
                        + "; set --path, --guest-address, --libvirt-xml or --proxmox-hostpci to match your VM");
    }

    private static VbiosException usage(String m) {
        return new VbiosException(VbiosException.Kind.USAGE, m);
    }
}
