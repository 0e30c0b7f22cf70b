package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.host.AcpiCallRomAccess;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.PciAddress;
import io.github.vbios.host.RomAccess;
import io.github.vbios.host.RomRead;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.RealDumpLayouts;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDumpTest {
    @TempDir
    Path tmp;

    /** A simulated sysfs rom attribute that records the order of the steps. */
    static final class Simulated implements RomAccess {
        final List<String> steps = new ArrayList<>();
        byte[] content;
        IOException onEnable;
        IOException onRead;
        IOException onDisable;

        Simulated(byte[] content) {
            this.content = content;
        }

        @Override
        public void enable() throws IOException {
            steps.add("enable");
            if (onEnable != null) {
                throw onEnable;
            }
        }

        @Override
        public byte[] read(int limit) throws IOException {
            steps.add("read");
            if (onRead != null) {
                throw onRead;
            }
            return Arrays.copyOf(content, Math.min(limit, content.length));
        }

        @Override
        public void disable() throws IOException {
            steps.add("disable");
            if (onDisable != null) {
                throw onDisable;
            }
        }
    }

    private HostSnapshot host(Path root) {
        return new HostReader(root).snapshot();
    }

    private static PciAddress bdf(String s) {
        return PciAddress.parse(s).orElseThrow();
    }

    @Test
    void aHealthyRomIsReadInOrderAndItsPciViewKept() throws IOException {
        byte[] rom = SampleOptionRoms.withEfi(0x1002, 0x67df);
        byte[] withFill = Arrays.copyOf(rom, 128 << 10);
        Arrays.fill(withFill, rom.length, withFill.length, (byte) 0xFF);
        Simulated s = new Simulated(withFill);

        DumpReport r = HostDump.dump(host(DesktopHosts.amdDesktop(tmp)), bdf(DesktopHosts.AMD_GPU), s, false);

        assertThat(s.steps).containsExactly("enable", "read", "disable");
        assertThat(r.outcome()).isEqualTo(DumpOutcome.OK);
        assertThat(r.pciView()).isEqualTo(rom);
        assertThat(r.analysis().verdict().shadowCopySuspect()).isFalse();
    }

    @Test
    void aFailedReadIsStillDisabledAndExplained() throws IOException {
        Simulated s = new Simulated(new byte[0]);
        s.onRead = new IOException("Input/output error");

        DumpReport r = HostDump.dump(host(DesktopHosts.amdDesktop(tmp)), bdf(DesktopHosts.AMD_GPU), s, false);

        assertThat(s.steps).containsExactly("enable", "read", "disable");
        assertThat(r.outcome()).isEqualTo(DumpOutcome.UNREADABLE);
        assertThat(r.outcome().failure().exitCode()).isEqualTo(4);
        assertThat(r.read().failure()).isEqualTo(RomRead.Failure.READ);
        assertThat(String.join(" ", r.explanations())).contains("Input/output error").contains("0xffff")
                .contains("disabled or locked");
        assertThat(r.suggestions()).anyMatch(x -> x.startsWith("vbios extract"));
        assertThat(r.written()).isFalse();
    }

    @Test
    void allOnesIsTheDisabledRomBar() throws IOException {
        byte[] ones = new byte[64 << 10];
        Arrays.fill(ones, (byte) 0xFF);
        Simulated s = new Simulated(ones);

        DumpReport r = HostDump.dump(host(DesktopHosts.pascalDesktop(tmp)), bdf(DesktopHosts.PASCAL_GPU), s, false);

        assertThat(s.steps).containsExactly("enable", "read", "disable");
        assertThat(r.outcome()).isEqualTo(DumpOutcome.UNREADABLE);
        assertThat(r.explanations()).anyMatch(x -> x.contains("0xFFFF at offset 0"));
        assertThat(r.explanations()).anyMatch(x -> x.contains("nvidia driver holds the device"));
    }

    @Test
    void theBootGpuShadowCopyIsRecognised() throws IOException {
        Simulated s = new Simulated(SampleOptionRoms.shadowedLegacy(0x10de, 0x1b80));

        DumpReport r = HostDump.dump(host(DesktopHosts.pascalDesktop(tmp)), bdf(DesktopHosts.PASCAL_GPU), s, false);

        assertThat(r.outcome()).isEqualTo(DumpOutcome.SHADOW_COPY);
        assertThat(r.analysis().verdict().shadowCopySuspect()).isTrue();
        assertThat(r.explanations().get(0)).contains("shadowed copy").contains("boot VGA");
        assertThat(r.suggestions().get(0)).contains("TechPowerUp").contains("10de:");
        assertThat(r.suggestions().get(1)).contains("secondary GPU");
        assertThat(r.suggestions().get(2)).contains("vbios extract");
        assertThat(r.written()).isFalse();
        assertThat(r.failure().exitCode()).isEqualTo(3);
        DumpReport kept = HostDump.dump(host(DesktopHosts.pascalDesktop(tmp.resolve("again"))), bdf(DesktopHosts.PASCAL_GPU),
                new Simulated(SampleOptionRoms.shadowedLegacy(0x10de, 0x1b80)), false, true);
        assertThat(kept.written()).isTrue();
        assertThat(kept.failure()).isNull();
    }

    @Test
    void theBootTuringShadowIsRefusedNotCalledTruncated() throws IOException {
        Simulated s = new Simulated(RealDumpLayouts.turingBootShadow());
        DumpReport r = HostDump.dump(host(DesktopHosts.pascalDesktop(tmp)), bdf(DesktopHosts.PASCAL_GPU), s, false);
        assertThat(r.outcome()).isEqualTo(DumpOutcome.SHADOW_COPY);
        assertThat(r.written()).isFalse();
        assertThat(r.explanations()).noneMatch(x -> x.contains("past the end of the file"));
        assertThat(r.analysis().verdict().uefiCapable()).isNull();
    }

    @Test
    void noRomBarMeansNoAccessAtAll() throws IOException {
        Simulated s = new Simulated(new byte[0]);
        DumpReport r = HostDump.dump(host(SampleHosts.optimusLaptop(tmp)), bdf(SampleHosts.LAPTOP_DGPU), s, false);
        assertThat(s.steps).isEmpty();
        assertThat(r.outcome()).isEqualTo(DumpOutcome.NO_ROM_BAR);
        assertThat(r.suggestions()).anyMatch(x -> x.contains("--acpi") && x.contains("\\_SB_.PCI0.PEG0.PEGP._ROM"));
    }

    @Test
    void permissionDeniedAsksForSudo() throws IOException {
        Simulated s = new Simulated(new byte[0]);
        s.onEnable = new AccessDeniedException("/sys/bus/pci/devices/0000:0a:00.0/rom");
        DumpReport r = HostDump.dump(host(DesktopHosts.amdDesktop(tmp)), bdf(DesktopHosts.AMD_GPU), s, false);
        assertThat(s.steps).containsExactly("enable");
        assertThat(r.outcome()).isEqualTo(DumpOutcome.PERMISSION);
        assertThat(r.suggestions()).containsExactly("sudo vbios dump 0000:0a:00.0 -o gpu.rom");
    }

    @Test
    void aFailedDisableIsReported() throws IOException {
        Simulated s = new Simulated(SampleOptionRoms.withEfi(0x1002, 0x67df));
        s.onDisable = new IOException("Device or resource busy");
        DumpReport r = HostDump.dump(host(DesktopHosts.amdDesktop(tmp)), bdf(DesktopHosts.AMD_GPU), s, false);
        assertThat(r.read().disableFailed()).isTrue();
        assertThat(r.explanations()).anyMatch(x -> x.contains("echo 0 | sudo tee"));
    }

    @Test
    void garbageIsNotARom() throws IOException {
        Simulated s = new Simulated("hello, this is not a ROM at all".getBytes(StandardCharsets.US_ASCII));
        DumpReport r = HostDump.dump(host(DesktopHosts.amdDesktop(tmp)), bdf(DesktopHosts.AMD_GPU), s, false);
        assertThat(r.outcome()).isEqualTo(DumpOutcome.NOT_A_ROM);
        assertThat(r.outcome().failure().exitCode()).isEqualTo(3);
    }

    @Test
    void theAcpiRouteReadsTheLaptopDgpu() throws IOException {
        byte[] rom = SampleOptionRoms.withEfi(0x10de, 0x1f99);
        List<String> requests = new ArrayList<>();
        AcpiCallRomAccess acpi = new AcpiCallRomAccess("\\_SB_.PCI0.PEG0.PEGP", req -> {
            requests.add(req);
            String[] w = req.split(" ", -1);
            int off = Integer.decode(w[1]);
            int len = Integer.decode(w[2]);
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < len; i++) {
                j.add(String.format("0x%02x", off + i < rom.length ? rom[off + i] & 0xFF : 0));
            }
            return j + "\n";
        });

        DumpReport r = HostDump.dump(host(SampleHosts.optimusLaptop(tmp)), bdf(SampleHosts.LAPTOP_DGPU), acpi, true);

        assertThat(r.outcome()).isEqualTo(DumpOutcome.OK);
        assertThat(r.pciView()).isEqualTo(rom);
        assertThat(requests.get(0)).isEqualTo("\\_SB_.PCI0.PEG0.PEGP._ROM 0x0 0x100");
        assertThat(requests).hasSize(rom.length / 0x100);
    }

    @Test
    void anAcpiErrorIsUnreadable() throws IOException {
        AcpiCallRomAccess acpi = new AcpiCallRomAccess("\\_SB_.PCI0.PEG0.PEGP", req -> "Error: AE_NOT_FOUND");
        DumpReport r = HostDump.dump(host(SampleHosts.optimusLaptop(tmp)), bdf(SampleHosts.LAPTOP_DGPU), acpi, true);
        assertThat(r.outcome()).isEqualTo(DumpOutcome.UNREADABLE);
        assertThat(r.read().failure()).isEqualTo(RomRead.Failure.ACPI_NOT_FOUND);
        assertThat(r.explanations().get(0)).contains("\\_SB_.PCI0.PEG0.PEGP._ROM failed").contains("AE_NOT_FOUND");
        assertThat(r.explanations()).anyMatch(x -> x.contains("no _ROM method"));
        assertThat(r.suggestions()).noneMatch(x -> x.contains("--acpi"));
    }

    @Test
    void aMissingAcpiCallModuleIsTypedAndSaysHowToLoadIt() throws IOException {
        Path none = tmp.resolve("no-proc-acpi-call");
        AcpiCallRomAccess acpi = new AcpiCallRomAccess("\\_SB_.PCI0.PEG0.PEGP", AcpiCallRomAccess.proc(none));
        DumpReport r = HostDump.dump(host(SampleHosts.optimusLaptop(tmp)), bdf(SampleHosts.LAPTOP_DGPU), acpi, true);
        assertThat(r.outcome()).isEqualTo(DumpOutcome.UNREADABLE);
        assertThat(r.read().failure()).isEqualTo(RomRead.Failure.ACPI_CALL_MISSING);
        assertThat(r.suggestions()).anyMatch(x -> x.startsWith("sudo modprobe acpi_call"));
    }

    @Test
    void anAnswerThatIsNotABufferIsAPlainReadFailure() throws IOException {
        AcpiCallRomAccess acpi = new AcpiCallRomAccess("\\_SB_.PCI0.PEG0.PEGP", req -> "garbage");
        DumpReport r = HostDump.dump(host(SampleHosts.optimusLaptop(tmp)), bdf(SampleHosts.LAPTOP_DGPU), acpi, true);
        assertThat(r.read().failure()).isEqualTo(RomRead.Failure.READ);
        assertThat(r.suggestions()).noneMatch(x -> x.contains("modprobe"));
    }
}
