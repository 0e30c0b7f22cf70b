package io.github.vbios.vm;

import java.util.List;

/**
 * A {@code pcie-root-port} on {@code pcie.0} at {@code slot.function}, holding one host slot's
 * functions (acpi-vm.md 3.1). {@code hotplugOff} removes QEMU's {@code _DSM/_SUN/_EJ0} from the
 * GPU's ACPI node (acpi-vm.md 4 #14).
 *
 * @param index libvirt controller index (= the guest bus libvirt addresses it by)
 */
public record RootPort(String id, int index, int chassis, int port, int slot, int function, boolean hotplugOff,
                       List<GuestFunction> functions) {
    public RootPort {
        functions = List.copyOf(functions);
    }
}
