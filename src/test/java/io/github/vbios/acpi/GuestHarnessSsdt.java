package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.arg;
import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.local;
import static io.github.vbios.acpi.Aml.name;
import static io.github.vbios.acpi.Aml.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test-only SSDT (acpi-vm.md 2, "debugcon harness"): {@code \_SB.VBT0._INI} runs while the guest
 * kernel initialises ACPI, calls {@code _ROM} for every planned read and writes the returned
 * buffers, framed as {@code 'V' 'B' len16 bytes}, to an isa-debugcon port of its own (not 0x402,
 * where SeaBIOS and OVMF log).
 */
final class GuestHarnessSsdt {
    static final int PORT = 0x4A0;
    static final String BEGIN = "VBIOS-HARNESS-BEGIN\n";
    static final String END = "=END-OF-VBIOS-HARNESS\n";

    private GuestHarnessSsdt() {
    }

    static byte[] build(AcpiPath gpu, List<RomReads.Read> reads) {
        List<byte[]> ini = new ArrayList<>();
        ini.add(Aml.call("VRAW", Aml.buffer(BEGIN.getBytes(StandardCharsets.US_ASCII))));
        for (RomReads.Read r : reads) {
            ini.add(Aml.call("VPUT", Aml.call(gpu + "._ROM", integer(r.offset()), integer(r.length()))));
        }
        ini.add(Aml.call("VRAW", Aml.buffer(END.getBytes(StandardCharsets.US_ASCII))));
        byte[] vraw = Aml.method("VRAW", 1, true,
                store(Aml.sizeOf(arg(0)), local(0)),
                store(Aml.zero(), local(1)),
                Aml.whileDo(Aml.lLess(local(1), local(0)),
                        store(Aml.derefOf(Aml.index(arg(0), local(1))), name("VBDB")),
                        Aml.increment(local(1))));
        byte[] vput = Aml.method("VPUT", 1, true,
                store(Aml.sizeOf(arg(0)), local(0)),
                store(integer('V'), name("VBDB")),
                store(integer('B'), name("VBDB")),
                store(local(0), name("VBDB")),
                store(Aml.shiftRight(local(0), integer(8)), name("VBDB")),
                Aml.call("VRAW", arg(0)));
        byte[] dev = Aml.device("VBT0",
                Aml.named("_HID", Aml.string("VBIO0001")),
                Aml.operationRegion("VBDC", 1, integer(PORT), Aml.one()),
                Aml.field("VBDC", 1, Aml.fieldUnit("VBDB", 8)),
                vraw, vput,
                Aml.method("_INI", 0, true, Aml.cat(ini)));
        return AcpiTable.build(TableHeader.ssdt("VBIOSTST"), Aml.scope("\\_SB", dev));
    }

    /** The buffers between the last BEGIN and END markers of a debugcon log; null when incomplete. */
    static List<byte[]> parse(byte[] log) {
        String text = new String(log, StandardCharsets.ISO_8859_1);
        int begin = text.lastIndexOf(BEGIN);
        if (begin < 0) {
            return null;
        }
        int pos = begin + BEGIN.length();
        List<byte[]> out = new ArrayList<>();
        while (pos + 4 <= log.length && log[pos] == 'V' && log[pos + 1] == 'B') {
            int len = (log[pos + 2] & 0xFF) | (log[pos + 3] & 0xFF) << 8;
            pos += 4;
            if (pos + len > log.length) {
                return null;
            }
            out.add(Arrays.copyOfRange(log, pos, pos + len));
            pos += len;
        }
        return text.startsWith(END, pos) ? out : null;
    }
}
