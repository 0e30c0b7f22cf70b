package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Encodings round-trip through the ASL printer; random ROM sizes never produce a table QEMU refuses. */
class AmlPropertiesTest {
    private static final TableHeader H = TableHeader.ssdt("PROPTEST");
    private static final Pattern VALUE = Pattern.compile("Name \\(XVAL, (Zero|One|Ones|0x[0-9A-F]+)\\)");

    @Provide
    Arbitrary<Long> integers() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 0x1_0000_0000L),
                Arbitraries.longs().between(0, 0x10000), Arbitraries.longs().between(0, 300),
                Arbitraries.of(0L, 1L, -1L, 0xFFL, 0x100L, 0xFFFFL, 0x10000L, 0xFFFF_FFFFL, 0x1_0000_0000L));
    }

    @Property(tries = 300)
    void integersRoundTripThroughThePrinter(@ForAll("integers") long v) {
        byte[] table = AcpiTable.build(H, Aml.named("XVAL", Aml.integer(v)));
        AslPrinter.Listing l = AslPrinter.print(table);
        assertThat(l.findings()).isEmpty();
        Matcher m = VALUE.matcher(l.text());
        assertThat(m.find()).as(l.text()).isTrue();
        String s = m.group(1);
        long back = switch (s) {
            case "Zero" -> 0;
            case "One" -> 1;
            case "Ones" -> -1L;
            default -> Long.parseUnsignedLong(s.substring(2), 16);
        };
        assertThat(back).isEqualTo(v);
        // smallest encoding: the hex digits printed match the width chosen
        if (s.startsWith("0x")) {
            int digits = s.length() - 2;
            long limit = digits == 2 ? 0xFF : digits == 4 ? 0xFFFF : digits == 8 ? 0xFFFF_FFFFL : -1L;
            assertThat(Long.compareUnsigned(v, limit) <= 0).isTrue();
            if (digits > 2) {
                assertThat(Long.compareUnsigned(v, digits == 4 ? 0xFF : digits == 8 ? 0xFFFF : 0xFFFF_FFFFL) > 0)
                        .isTrue();
            }
        }
    }

    @Property(tries = 200)
    void pkgLengthsRoundTripThroughThePrinter(@ForAll @IntRange(min = 0, max = 65_000) int n) {
        byte[] data = new byte[n];
        Arrays.fill(data, (byte) 0x5A);
        // A Scope whose body holds a Buffer of n bytes: two nested PkgLengths of every size class.
        byte[] body = Aml.scope("\\_SB", Aml.named("XBUF", Aml.buffer(data)), Aml.named("XEND", Aml.one()));
        if (body.length + TableHeader.LENGTH > AcpiTable.QEMU_MAX_TABLE) {
            return;
        }
        AslPrinter.Listing l = AslPrinter.print(AcpiTable.build(H, body));
        assertThat(l.findings()).isEmpty();
        int count = n == 0 ? 1 : n;
        String block = l.text().substring(l.text().indexOf("DefinitionBlock"));
        assertThat(block.split("0x5A(?![0-9A-F)])", -1).length - 1).isEqualTo(n == 0 ? 0 : count);
        assertThat(l.text()).contains("Name (XEND, One)");
    }

    @Property(tries = 200)
    void pkgLengthDecodesToItsValue(@ForAll @IntRange(min = 0, max = Aml.MAX_PKG_LENGTH - 4) int body) {
        byte[] p = Aml.pkgLength(body);
        AmlCursor c = new AmlCursor(p, 0);
        assertThat(c.pkgEnd(Integer.MAX_VALUE)).isEqualTo(body + p.length);
        assertThat(c.pos).isEqualTo(p.length);
    }

    @Property(tries = 40)
    void everyTableStaysUnderQemusLimit(@ForAll @IntRange(min = 1, max = 1024 * 1024) int size) {
        byte[] rom = new byte[size];
        for (Placement p : Placement.values()) {
            SsdtSet set = SsdtBuilder.build(rom, SsdtOptions.defaults(AcpiPath.parse("\\_SB.PCI0.SE0.S00"))
                    .withMode(SsdtMode.EMBED).withPlacement(p));
            List<GeneratedTable> tables = set.tables();
            assertThat(tables).allSatisfy(t -> {
                assertThat(t.size()).isLessThan(AcpiTable.QEMU_MAX_TABLE + 1);
                assertThat(AcpiTable.sum(t.aml())).isZero();
            });
            long data = tables.stream().filter(t -> !t.role().equals("battery")).mapToLong(GeneratedTable::size).sum();
            assertThat(data).isGreaterThan(size);
        }
    }

    /**
     * Whatever the bytes, the printer returns a listing that states exactly the header's problems:
     * a checksum warning (at offset 9) when the bytes do not sum to zero, a length warning (at 4)
     * when the header's length is not the size given, and a closed DefinitionBlock even when the
     * body cannot be decoded.
     */
    @Property(tries = 300)
    void printerReportsExactlyTheHeaderProblemsOfGarbage(@ForAll("garbage") byte[] table) {
        AslPrinter.Listing l = AslPrinter.print(table);
        if (table.length < TableHeader.LENGTH) {
            assertThat(l.findings()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
            assertThat(l.text()).doesNotContain("DefinitionBlock");
            return;
        }
        ByteSlice s = ByteSlice.of(table);
        assertThat(l.text()).contains("DefinitionBlock (\"\", \"" + s.asciiz(0, 4) + "\", " + s.u8(8) + ", ")
                .endsWith("}\n");
        assertThat(l.findings().stream().anyMatch(f -> f.offset() == 9)).isEqualTo(AcpiTable.sum(table) != 0);
        assertThat(l.findings().stream().anyMatch(f -> f.offset() == 4)).isEqualTo(s.u32(4) != table.length);
    }

    @Property(tries = 100)
    void writingIntoAnEncodedTermChangesNoLaterEncoding(@ForAll("integers") long v) {
        byte[] first = Aml.integer(v);
        byte[] expected = first.clone();
        Arrays.fill(first, (byte) 0x5A);
        assertThat(Aml.integer(v)).isEqualTo(expected);
        byte[] zero = Aml.zero();
        zero[0] = 0x01;
        assertThat(Aml.zero()).containsExactly(0x00);
        assertThat(Aml.cat(Aml.noTarget(), Aml.one(), Aml.ones())).containsExactly(0x00, 0x01, 0xFF);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        byte[] real = SsdtBuilder.build(RomReads.synthetic(300, 7), SsdtOptions.defaults(
                AcpiPath.parse("\\_SB.PCI0.S08.S00")).withMode(SsdtMode.FWCFG)).tables().get(0).aml();
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, real.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] b = real.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return b;
                }));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, real.length)
                .map(n -> Arrays.copyOf(real, n));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Arbitraries.oneOf(mutated, truncated, random);
    }
}
