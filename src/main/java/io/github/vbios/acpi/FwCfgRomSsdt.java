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
import java.util.Map;
import java.util.Optional;

/**
 * Variant (b), acpi-vm.md 1.4: {@code _ROM} reads the ROM from a QEMU fw_cfg file at run time
 * through the legacy I/O interface (selector port 0x510, data port 0x511) and keeps what it read
 * in {@code VBIN}. The table is small whatever the ROM size; QEMU gets the ROM with
 * {@code -fw_cfg name=NAME,file=ROM}.
 *
 * <p>Issue 16: reading the whole file in the first call takes longer than ACPICA lets a While
 * loop run (30 s) for a 1 MiB ROM under TCG. So each call reads only the 4 KiB blocks it needs
 * that earlier calls have not read (the data port only reads forward; the stream stays where the
 * last call left it), checks each block against its sum baked into the table, and counts a block
 * as read only when it adds up. Re-reads and backward reads come from VBIN.
 */
public final class FwCfgRomSsdt {
    public static final String DEFAULT_NAME = "opt/io.github.vbios/vbios";
    /** QEMU: "name too long (max. 55 char)". */
    public static final int MAX_NAME = 55;
    private static final long QEMU_SIGNATURE = 0x51454D55L; // "QEMU" read big-endian from selector 0
    private static final int FILE_DIR = 0x19;
    private static final int NAME_FIELD = 56;
    /** Read and verification unit: the 4 KiB a driver asks for per call. */
    static final int BLOCK = 0x1000;
    private static final String GLOBAL_LOCK = "\\_GL";

    private FwCfgRomSsdt() {
    }

    /**
     * Name prefixes other parties own, with who owns them: QEMU itself (docs/specs/fw_cfg.rst:
     * "Prefix opt/org.qemu/ is reserved for QEMU itself"), OVMF's knobs ({@code opt/ovmf/...},
     * {@code opt/org.tianocore/...}). libvirt refuses {@code opt/ovmf/} and {@code opt/org.qemu/} with
     * "That firmware name is reserved" (qemuValidateDomainDefSysinfo).
     */
    static final Map<String, String> RESERVED = Map.of(
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
        nameProblem(fwCfgName).ifPresent(why -> {
            throw new VbiosException(VbiosException.Kind.USAGE, "fw_cfg name '" + fwCfgName + "' " + why
                    + "; use a name of your own under opt/, like " + DEFAULT_NAME);
        });
        return fwCfgName;
    }

    /** Why {@code name} cannot be used; empty when it can. */
    static Optional<String> nameProblem(String name) {
        if (!name.startsWith("opt/")) {
            return Optional.of("does not start with opt/ (QEMU reserves every other name for itself and libvirt refuses them)");
        }
        for (var e : RESERVED.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return Optional.of("is under " + e.getKey() + ", " + e.getValue());
            }
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("has " + name.length() + " characters, QEMU allows at most " + MAX_NAME);
        }
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ',')) {
            return Optional.of("contains a space, comma or non-ASCII character (QEMU's -fw_cfg option cannot carry it)");
        }
        if (name.length() == 4 || name.endsWith("/") || name.contains("//")) {
            return Optional.of("does not name a file (empty path segment)");
        }
        return Optional.empty();
    }

    /**
     * The fw_cfg method table for {@code rom} (its size and per-block sums are baked in, the bytes
     * are not).
     */
    public static GeneratedTable build(AcpiPath path, Placement placement, TableHeader header, String fwCfgName,
                                       byte[] rom) {
        checkName(fwCfgName);
        if (rom.length == 0) {
            throw new IllegalArgumentException("empty ROM");
        }
        byte[] body = Aml.cat(
                Aml.named("VSEL", Aml.zero()),
                Aml.named("VSIZ", Aml.zero()),
                Aml.named("VHAV", Aml.zero()),
                Aml.named("VBIN", Aml.buffer(Aml.one(), Aml.zero())),
                Aml.named("VSUM", Aml.buffer(blockSums(rom))),
                Aml.operationRegion("VFIO", 1, integer(0x510), integer(2)),
                Aml.field("VFIO", 2, Aml.fieldUnit("VFSL", 16)),
                Aml.field("VFIO", 1, Aml.fieldSkip(8), Aml.fieldUnit("VFDT", 8)),
                rdbe(), rnam(), rfnd(fwCfgName, rom.length), rblk(), rfil(), romMethod());
        return new GeneratedTable("vbios-rom.aml", "rom", AcpiTable.build(header, placement.wrap(path, body)));
    }

    /** Sum of each {@link #BLOCK}-byte block of {@code rom} (the last may be short), mod 2^16, little-endian. */
    static byte[] blockSums(byte[] rom) {
        int blocks = (rom.length + BLOCK - 1) / BLOCK;
        byte[] out = new byte[blocks * 2];
        for (int b = 0; b < blocks; b++) {
            int sum = 0;
            for (int i = b * BLOCK; i < Math.min(rom.length, (b + 1) * BLOCK); i++) {
                sum += rom[i] & 0xFF;
            }
            out[2 * b] = (byte) sum;
            out[2 * b + 1] = (byte) (sum >> 8);
        }
        return out;
    }

    /** RDBE (n): n big-endian bytes from the data port as an integer. */
    private static byte[] rdbe() {
        return Aml.method("RDBE", 1, false,
                store(Aml.zero(), local(0)),
                store(Aml.zero(), local(1)),
                Aml.whileDo(Aml.lLess(local(1), arg(0)),
                        store(Aml.or(Aml.shiftLeft(local(0), integer(8)), name("VFDT")), local(0)),
                        Aml.increment(local(1))),
                ret(local(0)));
    }

    /** RNAM (): the 56-byte name field of a directory entry, as a string (up to its NUL). */
    private static byte[] rnam() {
        return Aml.method("RNAM", 0, false,
                store(Aml.buffer(integer(NAME_FIELD), Aml.zero()), local(0)),
                store(Aml.zero(), local(1)),
                Aml.whileDo(Aml.lLess(local(1), integer(NAME_FIELD)),
                        store(name("VFDT"), Aml.index(local(0), local(1))),
                        Aml.increment(local(1))),
                ret(Aml.toStringOp(local(0), Aml.ones())));
    }

    /**
     * RFND (): look the file up in the fw_cfg directory (selector 0x19). Only a file with the
     * expected name and size counts; then VSEL/VSIZ are set, VBIN sized, nothing read yet, and the
     * file stays selected at position 0. Returns 1 when found. A miss is not remembered: the next
     * call looks again.
     */
    private static byte[] rfnd(String fwCfgName, long size) {
        return Aml.method("RFND", 0, false,
                ifThen(Aml.lNot(Aml.condRefOf("\\_SB.PCI0.FWCF")), ret(Aml.zero())),
                store(Aml.zero(), name("VFSL")),
                ifThen(Aml.lNotEqual(call("RDBE", integer(4)), integer(QEMU_SIGNATURE)), ret(Aml.zero())),
                store(integer(FILE_DIR), name("VFSL")),
                store(call("RDBE", integer(4)), local(0)),
                store(Aml.zero(), local(1)),
                Aml.whileDo(Aml.lLess(local(1), local(0)),
                        store(call("RDBE", integer(4)), local(2)),
                        store(call("RDBE", integer(2)), local(3)),
                        call("RDBE", integer(2)),
                        ifThen(Aml.lEqual(call("RNAM"), Aml.string(fwCfgName)),
                                ifThen(Aml.lNotEqual(local(2), integer(size)), ret(Aml.zero())),
                                Aml.copyObject(Aml.buffer(local(2), Aml.zero()), name("VBIN")),
                                store(local(2), name("VSIZ")),
                                store(Aml.zero(), name("VHAV")),
                                store(local(3), name("VFSL")),
                                store(local(3), name("VSEL")),
                                ret(Aml.one())),
                        Aml.increment(local(1))),
                ret(Aml.zero()));
    }

    /**
     * RBLK (start, n): n bytes from the data port into VBIN at start, then 1 when their sum equals
     * the block's sum in VSUM (the stream was where VHAV says, and the file is the right ROM).
     */
    private static byte[] rblk() {
        byte[] word = Aml.shiftLeft(Aml.shiftRight(arg(0), integer(12)), Aml.one());
        return Aml.method("RBLK", 2, false,
                store(arg(0), local(0)),
                store(Aml.add(arg(0), arg(1)), local(1)),
                store(Aml.zero(), local(2)),
                Aml.whileDo(Aml.lLess(local(0), local(1)),
                        store(name("VFDT"), local(3)),
                        store(local(3), Aml.index(name("VBIN"), local(0))),
                        Aml.addTo(local(2), local(3)),
                        Aml.increment(local(0))),
                store(word, local(4)),
                store(Aml.or(Aml.derefOf(Aml.index(name("VSUM"), local(4))),
                        Aml.shiftLeft(Aml.derefOf(Aml.index(name("VSUM"), Aml.add(local(4), Aml.one()))),
                                integer(8))), local(5)),
                ret(Aml.lEqual(Aml.and(local(2), integer(0xFFFF)), local(5))));
    }

    /**
     * RFIL (end): make VBIN hold verified bytes up to end, reading only the blocks not read yet
     * from where the stream is. A block that does not add up (another fw_cfg user moved the
     * stream between two calls) is read again after re-selecting the file and skipping to it;
     * failing twice returns 0 and leaves VHAV where it was.
     */
    private static byte[] rfil() {
        return Aml.method("RFIL", 1, false,
                Aml.whileDo(Aml.lLess(name("VHAV"), arg(0)),
                        store(name("VHAV"), local(0)),
                        store(Aml.subtract(name("VSIZ"), local(0)), local(1)),
                        ifThen(Aml.lGreater(local(1), integer(BLOCK)), store(integer(BLOCK), local(1))),
                        ifThen(Aml.lNot(call("RBLK", local(0), local(1))),
                                store(name("VSEL"), name("VFSL")),
                                store(Aml.zero(), local(2)),
                                Aml.whileDo(Aml.lLess(local(2), local(0)),
                                        store(name("VFDT"), local(3)),
                                        Aml.increment(local(2))),
                                ifThen(Aml.lNot(call("RBLK", local(0), local(1))), ret(Aml.zero()))),
                        store(Aml.add(local(0), local(1)), name("VHAV"))),
                ret(Aml.one()));
    }

    /**
     * _ROM (offset, length): exactly min(length, 4096) bytes, zero-padded past the end. fw_cfg is
     * touched only while holding the ACPI global lock, as Linux's qemu_fw_cfg driver does around
     * its own select/skip/read. No fw_cfg, no such file, or data that does not add up: returns an
     * empty Buffer, shorter than any request, so drivers report invalid _ROM data instead of using
     * zeros (an Integer would be "repaired" by ACPICA into an 8-byte zero Buffer).
     */
    private static byte[] romMethod() {
        byte[] fail = ret(Aml.mid(name("VSUM"), Aml.zero(), Aml.zero()));
        return Aml.method("_ROM", 2, true,
                store(arg(1), local(0)),
                ifThen(Aml.lGreater(local(0), integer(BLOCK)), store(integer(BLOCK), local(0))),
                ifThen(Aml.acquire(GLOBAL_LOCK, 0xFFFF), fail),
                ifThen(Aml.lNot(name("VSEL")), call("RFND")),
                ifThen(Aml.lNot(name("VSEL")), Aml.release(GLOBAL_LOCK), fail),
                ifThen(Aml.lGreaterEqual(arg(0), name("VSIZ")), Aml.release(GLOBAL_LOCK),
                        ret(Aml.buffer(local(0), Aml.zero()))),
                store(Aml.add(arg(0), local(0)), local(1)),
                ifThen(Aml.lGreater(local(1), name("VSIZ")), store(name("VSIZ"), local(1))),
                ifThen(Aml.lNot(call("RFIL", local(1))), Aml.release(GLOBAL_LOCK), fail),
                Aml.release(GLOBAL_LOCK),
                store(Aml.mid(name("VBIN"), arg(0), local(0)), local(2)),
                store(Aml.sizeOf(local(2)), local(3)),
                ifThen(Aml.lLess(local(3), local(0)),
                        store(Aml.concatenate(local(2), Aml.buffer(Aml.subtract(local(0), local(3)), Aml.zero())),
                                local(2))),
                ret(local(2)));
    }
}
