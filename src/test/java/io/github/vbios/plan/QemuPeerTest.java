package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.sample.DesktopHosts;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.Tools;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.VmTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer test: QEMU itself parses the generated arguments. There is no GPU to bind to vfio-pci
 * here, so each {@code vfio-pci} device becomes an emulated PCI device (virtio-rng-pci) on the same bus and address
 * with the same romfile; everything else (machine, pflash, root port with hotplug=off,
 * multifunction, -acpitable with real vbios ssdt tables, -fw_cfg) is passed unchanged, and
 * {@code -device vfio-pci,help} confirms the vfio-only properties exist.
 */
class QemuPeerTest {
    private static final String QEMU = "qemu-system-x86_64";

    @TempDir
    Path tmp;

    static Path qemu() {
        return Tools.require(QEMU, QEMU + " is not installed (apt install qemu-system-x86); QEMU peer test skipped");
    }

    @Test
    void vfioPciHasThePropertiesWeUse() throws Exception {
        Result r = run(List.of(qemu().toString(), "-device", "vfio-pci,help"), null);
        assertThat(r.output()).contains("x-pci-sub-vendor-id").contains("x-pci-sub-device-id").contains("romfile")
                .contains("multifunction");
    }

    @Test
    void optimusLaptopWithFwCfgTables() throws Exception {
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", SsdtMode.FWCFG);
        accepted(SampleHosts.optimusLaptop(tmp.resolve("host")), SampleHosts.LAPTOP_DGPU, ssdt);
    }

    @Test
    void pascalDesktopWithEmbeddedTables() throws Exception {
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", SsdtMode.EMBED);
        accepted(DesktopHosts.pascalDesktop(tmp.resolve("host")), DesktopHosts.PASCAL_GPU, ssdt);
    }

    @Test
    void amdDesktopWithoutTables() throws Exception {
        accepted(DesktopHosts.amdDesktop(tmp.resolve("host")), DesktopHosts.AMD_GPU, null);
    }

    @Test
    void hostWithoutIommu() throws Exception {
        accepted(DesktopHosts.iommuOff(tmp.resolve("host")), DesktopHosts.NO_IOMMU_GPU, null);
    }

    private void accepted(Path host, String gpu, Path ssdt) throws Exception {
        Path qemu = qemu();
        Path rom = Files.write(tmp.resolve("gpu,1.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));
        PlanRequest req = PlanRequest.of(VmTarget.QEMU, PciAddress.parse(gpu).orElseThrow()).withRomfile(rom);
        PassthroughPlan plan = PassthroughPlanner.plan(new HostReader(host).snapshot(), ssdt == null ? req : req.withSsdt(ssdt));
        List<String> args = emulated(QemuArgs.render(plan));
        List<String> cmd = new ArrayList<>(List.of(qemu.toString(), "-S", "-display", "none", "-nodefaults",
                "-monitor", "stdio"));
        cmd.addAll(args);

        Result r = run(cmd, "quit\n");

        assertThat(r.exit()).as("QEMU exit status; output:%n%s%nargs: %s", r.output(), cmd).isZero();
        assertThat(r.output()).doesNotContain("qemu-system-x86_64:");
    }

    /** vfio-pci needs a real host device: swap in virtio-rng-pci, keep bus/addr/multifunction/romfile. */
    private List<String> emulated(List<String> args) throws IOException {
        Path code = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
        Path vars = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");
        boolean ovmf = Files.isRegularFile(code) && Files.isRegularFile(vars);
        Path varsCopy = tmp.resolve("vm-OVMF_VARS.fd");
        if (ovmf) {
            Files.copy(vars, varsCopy);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-drive") && !ovmf) {
                i++;
                continue;
            }
            if (a.startsWith("vfio-pci,")) {
                a = Stream.of(a.split(",(?!,)(?<!,,)")).filter(p -> !p.startsWith("host=") && !p.startsWith("x-pci-sub"))
                        .map(p -> p.equals("vfio-pci") ? "virtio-rng-pci" : p).reduce((x, y) -> x + "," + y).orElseThrow();
            }
            a = a.replace(",accel=kvm", ",accel=tcg").replace("file=vm-OVMF_VARS.fd", "file=" + varsCopy);
            out.add(a);
        }
        return out;
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, String stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
