package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.cat;

import io.github.vbios.io.VbiosException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Places {@code body} (the GPU node's contents) at {@code path} in this mode. {@code declare} and
     * {@code auto} also create each missing bridge on the way (issue 16: older machine types and
     * bridge hotplug off leave Proxmox's root ports at 1c.1-1c.3 out of the DSDT): every ancestor
     * below {@code \_SB.PCI0} with a QEMU name {@code Sxx} is declared, with its {@code _ADR}, only
     * where {@code CondRefOf} says it is absent. Module-level code runs while the table loads, so
     * each node exists before the next statement opens a scope in it.
     */
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
        byte[] bridges = declareMissingBridges(path);
        if (this == DECLARE) {
            return cat(bridges, Aml.scope(parent, Aml.device(name, adr, body)));
        }
        return cat(bridges, declareIfAbsent(path), Aml.scope(path.toString(), body));
    }

    /** {@code If (!CondRefOf (node)) { Scope (parent) { Device (name) { Name (_ADR, ...) } } }}. */
    static byte[] declareIfAbsent(AcpiPath node) {
        byte[] adr = Aml.named("_ADR", Aml.integer(address(node)));
        return Aml.ifThen(Aml.lNot(Aml.condRefOf(node.toString())),
                Aml.scope(node.parent().toString(), Aml.device(AcpiPath.trim(node.name()), adr)));
    }

    /** The bridges between {@code \_SB.PCI0} (depth 2, always there) and the node, outermost first. */
    static byte[] declareMissingBridges(AcpiPath path) {
        List<byte[]> out = new ArrayList<>();
        for (int d = 3; d < path.depth(); d++) {
            AcpiPath bridge = AcpiPath.of(path.segments().subList(0, d));
            if (AcpiPath.trim(bridge.name()).matches("S[0-9A-F]{2}")) {
                out.add(declareIfAbsent(bridge));
            }
        }
        return cat(out);
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
