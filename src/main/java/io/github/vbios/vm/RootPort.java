package io.github.vbios.vm;

import java.util.List;

/**
 * A {@code pcie-root-port} on {@code pcie.0} at {@code slot.function}, holding one host slot's
 * functions (acpi-vm.md 3.1). {@code hotplugOff} removes QEMU's {@code _DSM/_SUN/_EJ0} from the
 * GPU's ACPI node (acpi-vm.md 4 #14). On a pc (i440fx) machine there are no PCIe root ports: with
 * {@code rootBus} the functions sit directly in {@code slot} of {@code pci.0} and no port is created.
 *
 * @param index   libvirt controller index (= the guest bus libvirt addresses it by); 0 with {@code rootBus}
 * @param rootBus the functions sit on the root bus itself, in {@code slot} (no port device)
 */
public record RootPort(String id, int index, int chassis, int port, int slot, int function, boolean hotplugOff,
                       List<GuestFunction> functions, boolean rootBus) {
    public RootPort {
        functions = List.copyOf(functions);
    }

    /** A real root port. */
    public RootPort(String id, int index, int chassis, int port, int slot, int function, boolean hotplugOff,
                    List<GuestFunction> functions) {
        this(id, index, chassis, port, slot, function, hotplugOff, functions, false);
    }

    /** The functions in {@code slot} of the root bus (a conventional slot of pci.0 on pc machines). */
    public static RootPort onRootBus(int slot, List<GuestFunction> functions) {
        return new RootPort("", 0, 0, 0, slot, 0, false, functions, true);
    }
}
