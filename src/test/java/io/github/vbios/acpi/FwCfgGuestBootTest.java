package io.github.vbios.acpi;

import static io.github.vbios.acpi.Aml.arg;
import static io.github.vbios.acpi.Aml.integer;
import static io.github.vbios.acpi.Aml.local;
import static io.github.vbios.acpi.Aml.name;
import static io.github.vbios.acpi.Aml.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.OutputFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 16 point 4, in a real guest (QEMU q35, TCG, Linux's ACPICA): a 1 MiB ROM served through
 * fw_cfg, read the way the NVIDIA driver does (4 KiB calls at 0, 4K, 8K, ...), plus re-reads,
 * backward and unaligned reads, and reads after another fw_cfg user moved the data stream (what
 * Linux's qemu_fw_cfg driver does under the ACPI global lock). Every answer must equal the ROM,
 * no 4 KiB call may take a second (ACPI's Timer, measured in the guest) and the kernel must log
 * no ACPI error (no AE_AML_LOOP_TIMEOUT).
 */
@Tag("qemu")
class FwCfgGuestBootTest {
    static final AcpiPath GPU = AcpiPath.parse("\\_SB.PCI0.S08.S00");
    static final int ROM_SIZE = 1024 * 1024;
    static final int PORT = 0x4A4;
    static final String BEGIN = "VBIOS-TIMED-BEGIN\n";
    static final String END = "=END-OF-VBIOS-TIMED\n";
    static final long ONE_SECOND = 10_000_000L; // ACPI Timer ticks are 100 ns
    static Path guest;

    @BeforeAll
    static void guestFiles() {
        Qemu.assumeInstalled();
        String prop = System.getProperty("vbios.guest.dir");
        Path dir = Path.of(prop != null ? prop : ".cache/guest");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("vmlinuz")) && Files.isRegularFile(dir.resolve("busybox")),
                "guest kernel/busybox not found in " + dir.toAbsolutePath() + " (run .ci/guest-kernel.sh); "
                        + "skipping the fw_cfg guest test");
        guest = dir;
    }

    /**
     * A read, optionally preceded by another fw_cfg user selecting the signature item and reading
     * {@code interfere} bytes; {@code timed}: one of the driver's in-order 4 KiB calls, whose
     * median must be under a second and even along the ROM (a call that finds the stream moved
     * also re-reads up to its offset).
     */
    record Step(long offset, long length, int interfere, boolean timed) {
        Step(long offset, long length, int interfere) {
            this(offset, length, interfere, false);
        }
    }

    /**
     * The driver's first 32 calls (0, 4K, ... 124K), another fw_cfg user between two of them,
     * re-reads, a backward and an unaligned read, past the end. Reading all of 1 MiB would take
     * minutes of TCG time; each call's cost does not depend on how far into the ROM it is.
     */
    static List<Step> steps(int size) {
        List<Step> s = new ArrayList<>();
        for (long off = 0; off < 0x20000; off += 0x1000) {
            s.add(new Step(off, 0x1000, off == 0x10000 ? 3 : 0, off != 0x10000));
        }
        s.add(new Step(size, 0x1000, 0));
        s.add(new Step(0, 16, 0));
        s.add(new Step(0x8000, 0x1000, 2));
        s.add(new Step(0x12345, 0x1000, 0));
        s.add(new Step(0x1FF00, 0x1000, 0)); // finds the stream moved by the step before: re-reads 128 KiB
        return s;
    }

    static byte[] harness(AcpiPath gpu, List<Step> steps) {
        byte[] timer = {0x5B, 0x33};
        List<byte[]> ini = new ArrayList<>();
        ini.add(Aml.call("VRAW", Aml.buffer(BEGIN.getBytes(StandardCharsets.US_ASCII))));
        for (Step st : steps) {
            if (st.interfere() > 0) {
                ini.add(store(Aml.zero(), name("VTSL")));
                for (int i = 0; i < st.interfere(); i++) {
                    ini.add(store(name("VTDT"), local(2)));
                }
            }
            ini.add(store(timer, local(0)));
            ini.add(store(Aml.call(gpu + "._ROM", integer(st.offset()), integer(st.length())), local(1)));
            ini.add(Aml.call("VPUT", Aml.subtract(timer, local(0)), local(1)));
        }
        ini.add(Aml.call("VRAW", Aml.buffer(END.getBytes(StandardCharsets.US_ASCII))));
        byte[] vraw = Aml.method("VRAW", 1, true,
                store(Aml.sizeOf(arg(0)), local(0)),
                store(Aml.zero(), local(1)),
                Aml.whileDo(Aml.lLess(local(1), local(0)),
                        store(Aml.derefOf(Aml.index(arg(0), local(1))), name("VTDB")),
                        Aml.increment(local(1))));
        // VPUT (ticks, buffer): 'T' ticks(8 bytes LE) 'B' len16 bytes
        List<byte[]> put = new ArrayList<>();
        put.add(store(integer('T'), name("VTDB")));
        for (int i = 0; i < 8; i++) {
            put.add(store(Aml.and(Aml.shiftRight(arg(0), integer(8L * i)), integer(0xFF)), name("VTDB")));
        }
        put.add(store(Aml.sizeOf(arg(1)), local(0)));
        put.add(store(integer('B'), name("VTDB")));
        put.add(store(local(0), name("VTDB")));
        put.add(store(Aml.shiftRight(local(0), integer(8)), name("VTDB")));
        put.add(Aml.call("VRAW", arg(1)));
        byte[] vput = Aml.method("VPUT", 2, true, Aml.cat(put));
        byte[] dev = Aml.device("VBT1",
                Aml.named("_HID", Aml.string("VBIO0002")),
                Aml.operationRegion("VTDC", 1, integer(PORT), Aml.one()),
                Aml.field("VTDC", 1, Aml.fieldUnit("VTDB", 8)),
                Aml.operationRegion("VTFC", 1, integer(0x510), integer(2)),
                Aml.field("VTFC", 2, Aml.fieldUnit("VTSL", 16)),
                Aml.field("VTFC", 1, Aml.fieldSkip(8), Aml.fieldUnit("VTDT", 8)),
                vraw, vput,
                Aml.method("_INI", 0, true, Aml.cat(ini)));
        return AcpiTable.build(TableHeader.ssdt("VBIOSTIM"), Aml.scope("\\_SB", dev));
    }

    // the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
    @SuppressWarnings("ArrayRecordComponent")
    record Answer(long ticks, byte[] bytes) {
    }

    static List<Answer> parse(byte[] log) {
        String text = new String(log, StandardCharsets.ISO_8859_1);
        int begin = text.lastIndexOf(BEGIN);
        if (begin < 0) {
            return null;
        }
        int pos = begin + BEGIN.length();
        List<Answer> out = new ArrayList<>();
        while (pos + 13 <= log.length && log[pos] == 'T' && log[pos + 9] == 'B') {
            long ticks = 0;
            for (int i = 0; i < 8; i++) {
                ticks |= (long) (log[pos + 1 + i] & 0xFF) << (8 * i);
            }
            int len = (log[pos + 10] & 0xFF) | (log[pos + 11] & 0xFF) << 8;
            pos += 12;
            if (pos + len > log.length) {
                return null;
            }
            out.add(new Answer(ticks, Arrays.copyOfRange(log, pos, pos + len)));
            pos += len;
        }
        return text.startsWith(END, pos) ? out : null;
    }

    @Test
    void oneMibRomReadsBackInFourKibCallsOfEvenCostUnderASecond(@TempDir Path dir) throws Exception {
        byte[] rom = RomReads.synthetic(ROM_SIZE, 77);
        Path out = dir.resolve("acpi");
        SsdtSet set = SsdtBuilder.build(rom, SsdtOptions.defaults(GPU).withMode(SsdtMode.FWCFG)
                .withPlacement(Placement.AUTO).withBattery(BatterySsdt.Kind.NONE));
        SsdtWriter.write(set, rom, OutputFolder.open(out, false));
        List<Step> steps = steps(rom.length);
        Path harness = dir.resolve("timed.aml");
        Files.write(harness, harness(GPU, steps));
        Path initrd = dir.resolve("initrd.cpio");
        Files.write(initrd, AcpiGuestBootTest.initramfs(guest));
        List<String> cmd = new ArrayList<>(List.of(Qemu.BINARY, "-machine", "q35", "-m", "512", "-display", "none",
                "-nodefaults", "-no-reboot", "-serial", "file:" + dir.resolve("serial.log"),
                "-kernel", guest.resolve("vmlinuz").toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 loglevel=4 rdinit=/init",
                "-device", "pcie-root-port,id=rp1,bus=pcie.0,addr=0x1,chassis=1,port=0x10",
                "-device", "virtio-rng-pci,bus=rp1,addr=0x0",
                "-global", "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off",
                "-chardev", "file,id=vbtim,path=" + dir.resolve("timed.log"),
                "-device", "isa-debugcon,iobase=0x" + Integer.toHexString(PORT) + ",chardev=vbtim"));
        cmd.addAll(set.qemuArguments(out));
        cmd.addAll(List.of("-acpitable", "file=" + harness));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String keep = System.getProperty("vbios.guest.keep");
        if (keep != null) {
            Path k = Files.createDirectories(Path.of(keep, "fwcfg-1mib"));
            for (String f : List.of("serial.log", "timed.log", "qemu.log")) {
                if (Files.exists(dir.resolve(f))) {
                    Files.copy(dir.resolve(f), k.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String serial = Files.exists(dir.resolve("serial.log"))
                ? Files.readString(dir.resolve("serial.log"), StandardCharsets.ISO_8859_1) : "";
        String tail = serial.length() > 6000 ? serial.substring(serial.length() - 6000) : serial;
        assertThat(done).as("guest finished; serial:%n%s", tail).isTrue();
        List<Answer> got = parse(Files.exists(dir.resolve("timed.log")) ? Files.readAllBytes(dir.resolve("timed.log"))
                : new byte[0]);
        assertThat(got).as("harness output; serial:%n%s", tail).isNotNull().hasSize(steps.size());
        List<Long> timed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            assertThat(got.get(i).bytes()).as("guest _ROM(0x%x, 0x%x)", st.offset(), st.length())
                    .isEqualTo(RomReads.expected(rom, new RomReads.Read(st.offset(), st.length())));
            if (st.timed()) {
                timed.add(got.get(i).ticks());
            }
        }
        System.out.printf("fw_cfg 1 MiB: median 4 KiB _ROM call %.3f s under TCG; all: %s%n",
                median(timed) / 1e7,
                got.stream().map(x -> String.format(Locale.ROOT, "%.3f", x.ticks() / 1e7)).toList());
        // Wall-clock ticks of a TCG guest swing with the host's load (a shared 2-core CI machine saw
        // single calls of 1 s beside a 0.6 s median), so the cost is judged by medians: the typical
        // call is under a second, and calls late in the ROM cost what early ones do. A read that
        // skipped from the start on every call would make the last eight cost about six times the first eight.
        int n = timed.size();
        long early = median(timed.subList(0, 8));
        long late = median(timed.subList(n - 8, n));
        assertThat(median(timed)).as("median 4 KiB call in 100 ns ticks").isLessThan(ONE_SECOND);
        assertThat(late).as("median of the last 8 in-order calls vs the first 8 (100 ns ticks)")
                .isLessThanOrEqualTo(3 * early + ONE_SECOND / 20);
        int b = serial.indexOf("VBIOS-GUEST-BEGIN");
        int e = serial.indexOf("VBIOS-GUEST-END");
        assertThat(b).isNotNegative();
        String report = serial.substring(b, e);
        assertThat(report).contains("PCI 0000:01:00.0 \\_SB_.PCI0.S08_.S00_").doesNotContain("ACPIERR");
    }

    static long median(List<Long> ticks) {
        List<Long> sorted = new ArrayList<>(ticks);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
