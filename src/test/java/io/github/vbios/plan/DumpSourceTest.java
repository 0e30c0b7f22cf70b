package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.host.AcpiCallRomAccess;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.SnapshotRomAccess;
import io.github.vbios.io.VbiosException;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vbios dump}'s choice of GPU and ROM access, made in the plan room (issue 13.4). */
class DumpSourceTest {
    @TempDir
    Path tmp;

    private static VbiosException.Kind kind(Runnable r) {
        try {
            r.run();
        } catch (VbiosException e) {
            return e.kind();
        }
        throw new AssertionError("no VbiosException");
    }

    @Test
    void withoutBdfTheOnlySecondaryGpuIsChosen() throws IOException {
        Path root = SampleHosts.optimusLaptop(tmp.resolve("host"));
        HostSnapshot host = new HostReader(root).snapshot();
        DumpSource s = DumpSource.choose(host, root, null, false);
        assertThat(s.device().address().toString()).isEqualTo(SampleHosts.LAPTOP_DGPU);
        assertThat(s.romFile()).isEqualTo(new HostReader(root).deviceDir(s.device().address()).resolve("rom"));
        assertThat(s.access(tmp.resolve("gpu.rom"))).isInstanceOf(SnapshotRomAccess.class);
    }

    @Test
    void noGpuIsNothingFoundAndABadAddressIsUsage() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/sys/bus/pci/devices"));
        Path root = tmp.resolve("empty");
        HostSnapshot none = new HostReader(root).snapshot();
        assertThat(kind(() -> DumpSource.choose(none, root, null, false))).isEqualTo(VbiosException.Kind.NOT_FOUND);
        assertThat(empty).isEmptyDirectory();
        Path laptop = SampleHosts.optimusLaptop(tmp.resolve("host"));
        HostSnapshot host = new HostReader(laptop).snapshot();
        assertThat(kind(() -> DumpSource.choose(host, laptop, "zz:00.0", false))).isEqualTo(VbiosException.Kind.USAGE);
        assertThat(kind(() -> DumpSource.choose(host, laptop, "05:00.0", false)))
                .isEqualTo(VbiosException.Kind.NOT_FOUND);
    }

    @Test
    void acpiCallsTheCompanionsRomAndNeedsOne() throws IOException {
        Path root = DesktopHosts.amdDesktop(tmp.resolve("host"));
        HostSnapshot host = new HostReader(root).snapshot();
        assertThat(DumpSource.choose(host, root, DesktopHosts.AMD_GPU, true).access(tmp.resolve("x.rom")))
                .isInstanceOf(AcpiCallRomAccess.class);
        DumpSource boot = DumpSource.choose(host, root, "0b:00.0", true);
        assertThatThrownBy(() -> boot.access(tmp.resolve("x.rom"))).isInstanceOf(VbiosException.class)
                .hasMessageContaining("no ACPI companion");
        assertThat(kind(() -> boot.access(tmp.resolve("x.rom")))).isEqualTo(VbiosException.Kind.NOT_FOUND);
    }
}
