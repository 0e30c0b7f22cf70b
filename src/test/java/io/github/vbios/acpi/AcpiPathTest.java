package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.VbiosException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcpiPathTest {
    @Test
    void parsesAndPrintsLikeIasl() {
        AcpiPath p = AcpiPath.parse("\\_SB.PCI0.S08.S00");
        assertThat(p.segments()).containsExactly("_SB_", "PCI0", "S08_", "S00_");
        assertThat(p).hasToString("\\_SB.PCI0.S08.S00");
        assertThat(AcpiPath.parse("_sb.pci0.s08.s00")).isEqualTo(p);
        assertThat(p.parent()).hasToString("\\_SB.PCI0.S08");
        assertThat(p.name()).isEqualTo("S00_");
    }

    @Test
    void refusesBadSegments() {
        assertThatThrownBy(() -> AcpiPath.parse("\\_SB.PCI0.8S")).isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> AcpiPath.parse("\\_SB..S00")).isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> AcpiPath.parse("\\_SB.PCI00")).isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> AcpiPath.parse("")).isInstanceOf(VbiosException.class);
    }

    @Test
    void derivesQemuNamesFromGuestAddresses() {
        // acpi-vm.md 1.2 table
        assertThat(AcpiPath.fromGuestAddress("01:00.0", List.of("00:01.0"))).hasToString("\\_SB.PCI0.S08.S00");
        assertThat(AcpiPath.fromGuestAddress("0000:01:00.0", List.of("00:1c.0"))).hasToString("\\_SB.PCI0.SE0.S00");
        assertThat(AcpiPath.fromGuestAddress("00:03.0", List.of())).hasToString("\\_SB.PCI0.S18");
        assertThat(AcpiPath.fromGuestAddress("00:1f.0", List.of())).hasToString("\\_SB.PCI0.SF8");
        assertThat(AcpiPath.fromGuestAddress("02:01.0", List.of("00:05.0"))).hasToString("\\_SB.PCI0.S28.S08");
        assertThat(AcpiPath.fromGuestAddress("01:00.1", List.of("00:10.0"))).hasToString("\\_SB.PCI0.S80.S01");
    }

    @Test
    void deviceBehindABridgeNeedsItsRootPort() {
        assertThatThrownBy(() -> AcpiPath.fromGuestAddress("01:00.0", List.of()))
                .isInstanceOf(VbiosException.class).hasMessageContaining("--root-port");
        assertThatThrownBy(() -> AcpiPath.fromGuestAddress("01:20.0", List.of("00:01.0")))
                .isInstanceOf(VbiosException.class);
        assertThatThrownBy(() -> AcpiPath.fromGuestAddress("1:0", List.of()))
                .isInstanceOf(VbiosException.class);
    }

    @Test
    void proxmoxPcieLayout() {
        assertThat(AcpiPath.fromProxmoxHostpci(0)).hasToString("\\_SB.PCI0.SE0.S00");
        assertThat(AcpiPath.fromProxmoxHostpci(1)).hasToString("\\_SB.PCI0.SE1.S00");
        assertThat(AcpiPath.fromProxmoxHostpci(3)).hasToString("\\_SB.PCI0.SE3.S00");
        assertThat(AcpiPath.fromProxmoxHostpci(4)).hasToString("\\_SB.PCI0.S80.S00");
        assertThat(AcpiPath.fromProxmoxHostpci(11)).hasToString("\\_SB.PCI0.S87.S00");
        assertThat(AcpiPath.fromProxmoxHostpci(12)).hasToString("\\_SB.PCI0.S88.S00");
        assertThatThrownBy(() -> AcpiPath.fromProxmoxHostpci(16)).isInstanceOf(VbiosException.class);
    }
}
