package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The _ROM reads a peer test performs, and the bytes the contract (acpi-vm.md 1.1) says they return. */
final class RomReads {
    record Read(long offset, long length) {
    }

    private RomReads() {
    }

    /**
     * At least 20 reads: 0, 4 KiB steps (at most ~24 of them, spread over the ROM), around every
     * chunk boundary, the last bytes, past the end, lengths over 4 KiB and of 0/1.
     */
    static List<Read> plan(int size) {
        Set<Read> r = new LinkedHashSet<>();
        r.add(new Read(0, 16));
        r.add(new Read(0, 0x1000));
        r.add(new Read(0, 0x2000));
        r.add(new Read(0, 1));
        r.add(new Read(0, 0));
        int pages = (size + 0xFFF) / 0x1000;
        int step = Math.max(1, pages / 24);
        for (int p = 1; p < pages; p += step) {
            r.add(new Read(p * 0x1000L, 0x1000));
        }
        for (long b = EmbeddedRomSsdt.CHUNK_SIZE; b < size + 16L; b += EmbeddedRomSsdt.CHUNK_SIZE) {
            r.add(new Read(b - 8, 16));
            r.add(new Read(b - 0x800, 0x1000));
            r.add(new Read(b - 1, 0x1800));
            r.add(new Read(b, 4));
        }
        r.add(new Read(Math.max(0, size - 1), 1));
        r.add(new Read(Math.max(0, size - 7), 16));
        r.add(new Read(Math.max(0, size - 0x100), 0x1000));
        r.add(new Read(size, 4));
        r.add(new Read(size + 5L, 0x2000));
        r.add(new Read(size / 2 + 3, 33));
        r.add(new Read(size / 3, 0x1234));
        // Odd offsets and lengths, folded into the ROM so small ROMs get as many distinct reads.
        long[] odd = {1, 2, 3, 5, 7, 13, 100, 511, 1000, 2047, 4095, 65537};
        for (long k : odd) {
            r.add(new Read(k % (size + 2L), 3 + k % 0x1100));
        }
        return new ArrayList<>(r);
    }

    /** What _ROM must return: min(len, 4096) bytes, ROM bytes then zeros; past the end at least 1 zero byte. */
    static byte[] expected(byte[] rom, Read read) {
        int len = (int) Math.min(read.length(), 0x1000);
        if (read.offset() >= rom.length) {
            return new byte[Math.max(len, 1)];
        }
        byte[] out = new byte[len];
        int n = (int) Math.min(len, rom.length - read.offset());
        System.arraycopy(rom, (int) read.offset(), out, 0, n);
        return out;
    }

    /** Evaluates every read with acpiexec against the stub DSDT plus {@code tables}; returns the number checked. */
    static int check(byte[] rom, AcpiPath path, List<Path> tables, Path dir, boolean stubWithNode) throws Exception {
        Path stub = dir.resolve(stubWithNode ? "dsdt-stub.aml" : "dsdt-noS00.aml");
        Files.write(stub, StubDsdt.build(stubWithNode));
        List<Path> all = new ArrayList<>(List.of(stub));
        all.addAll(tables);
        return check(rom, path, all);
    }

    /** Evaluates every read with acpiexec over {@code all} (DSDT first, then the tables); returns the number checked. */
    static int check(byte[] rom, AcpiPath path, List<Path> all) throws Exception {
        List<Read> plan = plan(rom.length);
        List<String> cmds = plan.stream()
                .map(r -> "evaluate " + path + "._ROM 0x" + Long.toHexString(r.offset()) + " 0x"
                        + Long.toHexString(r.length()))
                .toList();
        AcpiExec.Run run = AcpiExec.run(all, cmds);
        assertThat(run.errors()).as("acpiexec errors").isEmpty();
        assertThat(run.buffers()).as("one buffer per read").hasSize(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            byte[] want = expected(rom, plan.get(i));
            byte[] got = run.buffers().get(i);
            assertThat(got).as("_ROM(%s)", plan.get(i)).isNotNull();
            if (!Arrays.equals(want, got)) {
                assertThat(got).as("_ROM(%s) of a %d-byte ROM", plan.get(i), rom.length).isEqualTo(want);
            }
        }
        assertThat(plan.size()).isGreaterThanOrEqualTo(20);
        return plan.size();
    }

    /** A ROM of {@code size} bytes starting 55 AA with a position-dependent pattern (catches shifted reads). */
    static byte[] synthetic(int size, long seed) {
        byte[] rom = new byte[size];
        Random rnd = new Random(seed);
        rnd.nextBytes(rom);
        rom[0] = 0x55;
        if (size > 1) {
            rom[1] = (byte) 0xAA;
        }
        return rom;
    }
}
