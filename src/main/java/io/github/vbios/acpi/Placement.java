package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.cat;

import io.github.vbios.io.VbiosException;
import java.util.Locale;

/**
 * How the GPU's node is put into the namespace (acpi-vm.md 1.2). QEMU may or may not have created
 * it: {@code Scope} on a missing node fails with AE_NOT_FOUND and {@code Device} on an existing
 * one with AE_ALREADY_EXISTS, and either failure drops the whole table.
 */
public enum Placement {
    /** {@code Scope (\_SB.PCI0.S08.S00) { ... }}: the node must exist. */
    SCOPE,
    /** {@code Scope (\_SB.PCI0.S08) { Device (S00) { Name (_ADR, ...) ... } }}: the node must not exist. */
    DECLARE,
    /** Module-level {@code If (!CondRefOf (node)) { declare it }}, then the SCOPE body: works in both cases. */
    AUTO;

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Placement parse(String text) {
        for (Placement p : values()) {
            if (p.id().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new VbiosException(VbiosException.Kind.USAGE, "placement '" + text + "' is not scope, declare or auto");
    }

    /** Places {@code body} (the GPU node's contents) at {@code path} in this mode. */
    public byte[] wrap(AcpiPath path, byte[] body) {
        if (this == SCOPE) {
            return Aml.scope(path.toString(), body);
        }
        if (path.depth() < 2) {
            throw new VbiosException(VbiosException.Kind.USAGE, "cannot declare " + path + ": it has no parent node");
        }
        byte[] adr = Aml.named("_ADR", Aml.integer(address(path)));
        String parent = path.parent().toString();
        String name = AcpiPath.trim(path.name());
        if (this == DECLARE) {
            return Aml.scope(parent, Aml.device(name, adr, body));
        }
        byte[] declare = Aml.ifThen(Aml.lNot(Aml.condRefOf(path.toString())),
                Aml.scope(parent, Aml.device(name, adr)));
        return cat(declare, Aml.scope(path.toString(), body));
    }

    /**
     * The {@code _ADR} of a QEMU-named node {@code Sxx}: {@code slot << 16 | function} of devfn xx.
     * Declaring a node needs it, so other names are refused.
     */
    static long address(AcpiPath path) {
        String seg = AcpiPath.trim(path.name());
        if (!seg.matches("S[0-9A-F]{2}")) {
            throw new VbiosException(VbiosException.Kind.USAGE, "cannot declare node " + path
                    + ": its name is not QEMU's Sxx form, so its _ADR is unknown; use --placement scope");
        }
        int devfn = Integer.parseInt(seg.substring(1), 16);
        return ((long) (devfn >> 3) << 16) | (devfn & 7);
    }
}
