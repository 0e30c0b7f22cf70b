package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.VbiosException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** issue 16 point 9: fw_cfg names other parties own are refused with the reason (usage error, exit 2). */
class FwCfgNameTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "opt/ovmf/vbios | opt/ovmf/",
        "opt/ovmf/X-PciMmio64Mb | reserved",
        "opt/org.qemu/vbios | QEMU itself",
        "opt/org.tianocore/vbios | opt/org.tianocore/",
        "etc/vbios | does not start with opt/",
        "genroms/vbios.rom | does not start with opt/",
        "vbios | does not start with opt/",
        "opt/ | does not name a file",
        "opt/io.github.vbios/ | does not name a file",
        "opt/a//b | does not name a file",
        "opt/with space | space",
        "opt/a,b | comma",
        "opt/io.github.vbios/a-name-that-is-much-too-long-for-qemu-x | at most 55",
    })
    void refusedWithTheReason(String name, String reason) {
        assertThatThrownBy(() -> FwCfgRomSsdt.checkName(name)).isInstanceOf(VbiosException.class)
                .hasMessageContaining(reason).hasMessageContaining("'" + name + "'")
                .satisfies(e -> assertThat(((VbiosException) e).kind()).isEqualTo(VbiosException.Kind.USAGE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opt/io.github.vbios/vbios", "opt/com.example.vfio/vbios-0000-01-00.0",
        "opt/ovmfx/not-ovmf", "opt/io.github.vbios/a-name-exactly-fifty-five-chars-okk"})
    void ownNamesAreAccepted(String name) {
        assertThat(name.length()).isLessThanOrEqualTo(FwCfgRomSsdt.MAX_NAME);
        assertThat(FwCfgRomSsdt.checkName(name)).isEqualTo(name);
    }
}
