package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.arg;
import static io.github.vbios.acpi.Aml.call;
import static io.github.vbios.acpi.Aml.ifThen;
import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.local;
import static io.github.vbios.acpi.Aml.name;
import static io.github.vbios.acpi.Aml.ret;
import static io.github.vbios.acpi.Aml.store;

import io.github.vbios.io.VbiosException;

/**
 * Variant (b), acpi-vm.md 1.4: {@code _ROM} reads the ROM from a QEMU fw_cfg file at run time,
 * once, through the legacy I/O interface (selector port 0x510, data port 0x511), and keeps it in
 * {@code VBIN}. The table is small whatever the ROM size; QEMU gets the ROM with
 * {@code -fw_cfg name=NAME,file=ROM}.
 */
public final class FwCfgRomSsdt {
    public static final String DEFAULT_NAME = "opt/io.github.vbios/vbios";
    /** QEMU: "name too long (max. 55 char)". */
    public static final int MAX_NAME = 55;
    private static final long QEMU_SIGNATURE = 0x51454D55L; // "QEMU" read big-endian from selector 0
    private static final int FILE_DIR = 0x19;
    private static final int NAME_FIELD = 56;

    private FwCfgRomSsdt() {
    }

    /**
     * Name prefixes other parties own, with who owns them: QEMU itself (docs/specs/fw_cfg.rst:
     * "Prefix opt/org.qemu/ is reserved for QEMU itself"), OVMF's knobs ({@code opt/ovmf/...},
     * {@code opt/org.tianocore/...}). libvirt refuses {@code opt/ovmf/} and {@code opt/org.qemu/} with
     * "That firmware name is reserved" (qemuValidateDomainDefSysinfo).
     */
    static final java.util.Map<String, String> RESERVED = java.util.Map.of(
            "opt/org.qemu/", "reserved for QEMU itself (QEMU docs/specs/fw_cfg)",
            "opt/ovmf/", "reserved for OVMF's own settings; libvirt refuses it (\"That firmware name is reserved\")",
            "opt/org.tianocore/", "reserved for OVMF/EDK II settings (opt/org.tianocore/...)");

    /**
     * Checks a fw_cfg file name: under {@code opt/} (QEMU: other names are "potentially dangerous and
     * entirely unsupported"; libvirt refuses them), not under a {@link #RESERVED} prefix, printable
     * ASCII without spaces or commas (QEMU's option parser), at most 55 characters. Usage error (exit 2)
     * with the reason otherwise.
     */
    public static String checkName(String fwCfgName) {
        String why = nameProblem(fwCfgName);
        if (why != null) {
            throw new VbiosException(VbiosException.Kind.USAGE, "fw_cfg name '" + fwCfgName + "' " + why
                    + "; use a name of your own under opt/, like " + DEFAULT_NAME);
        }
        return fwCfgName;
    }

    /** Why {@code name} cannot be used, or null when it can. */
    static String nameProblem(String name) {
        if (!name.startsWith("opt/")) {
            return "does not start with opt/ (QEMU reserves every other name for itself and libvirt refuses them)";
        }
        for (var e : RESERVED.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return "is under " + e.getKey() + ", " + e.getValue();
            }
        }
        if (name.length() > MAX_NAME) {
            return "has " + name.length() + " characters, QEMU allows at most " + MAX_NAME;
        }
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ',')) {
            return "contains a space, comma or non-ASCII character (QEMU's -fw_cfg option cannot carry it)";
        }
        if (name.length() == 4 || name.endsWith("/") || name.contains("//")) {
            return "does not name a file (empty path segment)";
        }
        return null;
    }

    public static GeneratedTable build(AcpiPath path, Placement placement, TableHeader header, String fwCfgName) {
        checkName(fwCfgName);
        byte[] body = Aml.cat(
                Aml.named("VBLD", Aml.ZERO),
                Aml.named("VBIN", Aml.buffer(Aml.ONE, Aml.ZERO)),
                Aml.operationRegion("VFIO", 1, integer(0x510), integer(2)),
                Aml.field("VFIO", 2, Aml.fieldUnit("VFSL", 16)),
                Aml.field("VFIO", 1, Aml.fieldSkip(8), Aml.fieldUnit("VFDT", 8)),
                rdbe(), rbuf(), rlod(fwCfgName), romMethod());
        return new GeneratedTable("vbios-rom.aml", "rom", AcpiTable.build(header, placement.wrap(path, body)));
    }

    /** RDBE (n): n big-endian bytes from the data port as an integer. */
    private static byte[] rdbe() {
        return Aml.method("RDBE", 1, false,
                store(Aml.ZERO, local(0)),
                store(Aml.ZERO, local(1)),
                Aml.whileDo(Aml.lLess(local(1), arg(0)),
                        store(Aml.or(Aml.shiftLeft(local(0), integer(8)), name("VFDT")), local(0)),
                        Aml.increment(local(1))),
                ret(local(0)));
    }

    /** RBUF (n): n bytes from the data port; inner loops of at most 4 KiB keep each While short. */
    private static byte[] rbuf() {
        return Aml.method("RBUF", 1, false,
                store(Aml.buffer(arg(0), Aml.ZERO), local(0)),
                store(Aml.ZERO, local(1)),
                Aml.whileDo(Aml.lLess(local(1), arg(0)),
                        store(Aml.subtract(arg(0), local(1)), local(2)),
                        ifThen(Aml.lGreater(local(2), integer(0x1000)), store(integer(0x1000), local(2))),
                        store(Aml.add(local(2), local(1)), local(2)),
                        Aml.whileDo(Aml.lLess(local(1), local(2)),
                                store(name("VFDT"), Aml.index(local(0), local(1))),
                                Aml.increment(local(1)))),
                ret(local(0)));
    }

    /** RLOD (): once, find the file in the fw_cfg directory (selector 0x19) and copy it into VBIN. */
    private static byte[] rlod(String fwCfgName) {
        return Aml.method("RLOD", 0, true,
                ifThen(name("VBLD"), ret(Aml.ZERO)),
                store(Aml.ONE, name("VBLD")),
                ifThen(Aml.lNot(Aml.condRefOf("\\_SB.PCI0.FWCF")), ret(Aml.ZERO)),
                store(Aml.ZERO, name("VFSL")),
                ifThen(Aml.lNotEqual(call("RDBE", integer(4)), integer(QEMU_SIGNATURE)), ret(Aml.ZERO)),
                store(integer(FILE_DIR), name("VFSL")),
                store(call("RDBE", integer(4)), local(0)),
                store(Aml.ZERO, local(1)),
                store(Aml.ZERO, local(5)),
                store(Aml.ZERO, local(6)),
                Aml.whileDo(Aml.lLess(local(1), local(0)),
                        store(call("RDBE", integer(4)), local(2)),
                        store(call("RDBE", integer(2)), local(3)),
                        call("RDBE", integer(2)),
                        store(Aml.toStringOp(call("RBUF", integer(NAME_FIELD)), Aml.ONES), local(4)),
                        ifThen(Aml.lEqual(local(4), Aml.string(fwCfgName)),
                                store(local(3), local(5)), store(local(2), local(6)), Aml.BREAK),
                        Aml.increment(local(1))),
                ifThen(Aml.lAnd(local(5), local(6)),
                        store(local(5), name("VFSL")),
                        Aml.copyObject(call("RBUF", local(6)), name("VBIN"))),
                ret(Aml.ZERO));
    }

    /** _ROM (offset, length) over VBIN: exactly min(length, 4096) bytes, zero-padded. */
    private static byte[] romMethod() {
        byte[] want = Aml.subtract(local(0), local(2));
        return Aml.method("_ROM", 2, false,
                call("RLOD"),
                store(arg(1), local(0)),
                ifThen(Aml.lGreater(local(0), integer(0x1000)), store(integer(0x1000), local(0))),
                ifThen(Aml.lGreaterEqual(arg(0), Aml.sizeOf(name("VBIN"))), ret(Aml.buffer(local(0), Aml.ZERO))),
                store(Aml.mid(name("VBIN"), arg(0), local(0)), local(1)),
                store(Aml.sizeOf(local(1)), local(2)),
                ifThen(Aml.lLess(local(2), local(0)),
                        store(Aml.concatenate(local(1), Aml.buffer(want, Aml.ZERO)), local(1))),
                ret(local(1)));
    }
}
