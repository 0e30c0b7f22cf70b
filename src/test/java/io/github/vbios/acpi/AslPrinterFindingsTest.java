package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.Finding;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the table printer finds wrong with a table, by code (the listing still comes out). */
class AslPrinterFindingsTest {
    private static final TableHeader H = TableHeader.ssdt("FINDTEST");

    private static byte[] table() {
        return AcpiTable.build(H, Aml.named("XVAL", Aml.integer(0x1234)));
    }

    @Test
    void aGoodTableHasNoFindings() {
        assertThat(AslPrinter.print(table()).findings()).isEmpty();
    }

    @Test
    void aShortTableIsAnErrorNotAnException() {
        assertThat(AslPrinter.print(new byte[20]).findings()).extracting(Finding::code)
                .containsExactly(AcpiCode.TABLE_TOO_SHORT);
    }

    @Test
    void aWrongChecksumAndAWrongLengthAreWarnings() {
        byte[] t = table();
        t[9] ^= 1;
        assertThat(AslPrinter.print(t).findings()).extracting(Finding::code).containsExactly(AcpiCode.CHECKSUM_INVALID);
        byte[] longer = Arrays.copyOf(table(), table().length + 4);
        assertThat(AslPrinter.print(longer).findings()).extracting(Finding::code).contains(AcpiCode.LENGTH_MISMATCH);
    }

    @Test
    void aBodyThatIsNotAmlStopsTheListingWithAnError() {
        byte[] t = table();
        byte[] bad = Arrays.copyOf(t, t.length);
        bad[36] = 0x02; // no such opcode where the Name op was
        bad[9] = (byte) (bad[9] - AcpiTable.sum(bad)); // only the body is wrong
        assertThat(AslPrinter.print(bad).findings()).extracting(Finding::code).contains(AcpiCode.AML_UNDECODABLE);
    }

    @Test
    void aMethodWithANullNameIsListedNotThrown() {
        // jqwik's garbage property found this once the printer stopped catching RuntimeException
        byte[] bad = AcpiTable.build(H, new byte[] {0x14, 0x03, 0x00, 0x00, (byte) 0xA4});
        AslPrinter.Listing l = AslPrinter.print(bad);
        assertThat(l.text()).contains("Method (");
    }
}
