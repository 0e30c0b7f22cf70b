package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.arg;
import static io.github.vbios.acpi.Aml.call;
import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.local;
import static io.github.vbios.acpi.Aml.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Variant (a), acpi-vm.md 1.3: the ROM inside the tables. The ROM is cut into chunks of
 * {@link #CHUNK_SIZE} bytes, each a root-level {@code Name (\VBnn, Buffer ...)}; a ROM that fits
 * one chunk lives in the method table itself, a larger one gets one data table per chunk (every
 * table stays under QEMU's 65,535-byte limit). {@code RPCE} reads inside one chunk, {@code _ROM}
 * joins two pieces when a read crosses a chunk boundary and zero-pads to exactly
 * {@code min(Arg1, 4096)} bytes (acpi-vm.md 1.1).
 */
public final class EmbeddedRomSsdt {
    /** 60 KiB: a multiple of 4 KiB, so aligned 4 KiB reads touch one chunk; a full data table is 61,489 bytes. */
    public static final int CHUNK_SIZE = 0xF000;
    /** Chunk names carry two hex digits. */
    public static final int MAX_CHUNKS = 256;
    public static final long MAX_ROM = (long) CHUNK_SIZE * MAX_CHUNKS;
    static final int READ_LIMIT = 0x1000;

    private EmbeddedRomSsdt() {
    }

    /**
     * The tables in load order: the method table first, then the data tables (if any), whose table
     * IDs are the method table's first six characters and the chunk number.
     *
     * @param prefix the chunk names without their two hex digits: {@code \VB} gives root-level
     *               {@code \VB00} (the spec's golden vector); a prefix under the GPU node
     *               ({@code \_SB.PCI0.S08.S00.VD}) makes the names unique per GPU, so two GPUs' sets
     *               load side by side (issue 16). Such names need the node, so a ROM that fits one
     *               chunk names its data after the placement code has made sure the node exists.
     */
    public static List<GeneratedTable> build(byte[] rom, AcpiPath path, Placement placement, TableHeader header,
                                             String prefix) {
        if (rom.length == 0 || rom.length > MAX_ROM) {
            throw new IllegalArgumentException("ROM size " + rom.length + " outside 1.." + MAX_ROM);
        }
        int chunks = (rom.length + CHUNK_SIZE - 1) / CHUNK_SIZE;
        byte[] methods = placement.wrap(path, Aml.cat(rpce(chunks, prefix), romMethod(rom.length)));
        List<GeneratedTable> out = new ArrayList<>();
        if (chunks == 1) {
            boolean inNode = prefix.startsWith(path + ".");
            byte[] data = chunkName(0, rom, prefix);
            byte[] body = inNode ? Aml.cat(methods, data) : Aml.cat(data, methods);
            out.add(new GeneratedTable("vbios-rom.aml", "rom", AcpiTable.build(header, body)));
            return out;
        }
        out.add(new GeneratedTable("vbios-rom.aml", "rom", AcpiTable.build(header, methods)));
        String stem = (header.oemTableId() + "      ").substring(0, 6);
        for (int i = 0; i < chunks; i++) {
            String id = String.format(Locale.ROOT, "%s%02X", stem, i);
            out.add(new GeneratedTable(String.format(Locale.ROOT, "vbios-rom-data%02x.aml", i), "rom-data",
                    AcpiTable.build(header.withTableId(id), chunkName(i, rom, prefix))));
        }
        return out;
    }

    static String chunk(int i, String prefix) {
        return String.format(Locale.ROOT, "%s%02X", prefix, i);
    }

    private static byte[] chunkName(int i, byte[] rom, String prefix) {
        int from = i * CHUNK_SIZE;
        int to = Math.min(rom.length, from + CHUNK_SIZE);
        return Aml.named(chunk(i, prefix), Aml.buffer(Arrays.copyOfRange(rom, from, to)));
    }

    /** RPCE (offset, length): the piece of one chunk; Mid() stops at the chunk's end. */
    private static byte[] rpce(int chunks, String prefix) {
        List<byte[]> body = new ArrayList<>();
        body.add(Aml.divide(arg(0), integer(CHUNK_SIZE), local(0), local(1)));
        for (int i = 0; i < chunks; i++) {
            body.add(Aml.ifThen(Aml.lEqual(local(1), integer(i)),
                    Aml.ret(Aml.mid(Aml.name(chunk(i, prefix)), local(0), arg(1)))));
        }
        body.add(Aml.ret(Aml.buffer(Aml.one(), Aml.zero())));
        return Aml.method("RPCE", 2, false, Aml.cat(body));
    }

    /** _ROM (offset, length): exactly min(length, 4096) bytes, joined across chunks, zero-padded. */
    private static byte[] romMethod(int romSize) {
        byte[] size = integer(romSize);
        byte[] want = Aml.subtract(local(0), local(2));
        return Aml.method("_ROM", 2, false,
                store(arg(1), local(0)),
                Aml.ifThen(Aml.lGreater(local(0), integer(READ_LIMIT)), store(integer(READ_LIMIT), local(0))),
                Aml.ifThen(Aml.lGreaterEqual(arg(0), size), Aml.ret(Aml.buffer(local(0), Aml.zero()))),
                store(call("RPCE", arg(0), local(0)), local(1)),
                store(Aml.sizeOf(local(1)), local(2)),
                Aml.ifThen(Aml.lLess(local(2), local(0)),
                        store(Aml.add(arg(0), local(2)), local(3)),
                        Aml.ifThen(Aml.lLess(local(3), size),
                                store(Aml.concatenate(local(1), call("RPCE", local(3), want)), local(1)),
                                store(Aml.sizeOf(local(1)), local(2)))),
                Aml.ifThen(Aml.lLess(local(2), local(0)),
                        store(Aml.concatenate(local(1), Aml.buffer(want, Aml.zero())), local(1))),
                Aml.ret(local(1)));
    }
}
