package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.acpi.SsdtMode;
import io.github.vbios.host.HostReader;
import io.github.vbios.host.PciAddress;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.sample.SampleOptionRoms;
import io.github.vbios.testutil.LibvirtTools;
import io.github.vbios.testutil.Tools;
import io.github.vbios.vm.PassthroughPlan;
import io.github.vbios.vm.QemuArgs;
import io.github.vbios.vm.QemuScript;
import io.github.vbios.vm.VmTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script of {@code vbios vm qemu} as written: it passes {@code sh -n}/{@code bash -n},
 * refuses to start without a disk, and, run for real with QEMU behind a small wrapper that swaps
 * vfio-pci for an emulated device at the same bus/address (and KVM for TCG, host CPU for max),
 * makes the OVMF variable store on its first start and is accepted by QEMU ({@code -S}, quit).
 */
class QemuScriptTest {
    @TempDir
    Path tmp;

    private Path script(SsdtMode mode) throws Exception {
        var host = new HostReader(SampleHosts.optimusLaptop(tmp.resolve("host"))).snapshot();
        Path rom = Files.write(tmp.resolve("dgpu.rom"), SampleOptionRoms.withEfi(0x10de, 0x1f99));
        Path ssdt = SsdtFixture.write(tmp.resolve("ssdt"), "\\_SB.PCI0.SE0.S00", mode);
        PassthroughPlan plan = PassthroughPlanner.plan(host, PlanRequest.of(VmTarget.QEMU,
                PciAddress.parse(SampleHosts.LAPTOP_DGPU).orElseThrow()).withRomfile(rom).withSsdt(ssdt));
        assertThat(QemuArgs.passthrough(plan)).noneMatch(a -> a.equals("-machine") || a.contains("pflash"));
        Path vm = Files.createDirectories(tmp.resolve("vm dir"));
        return Files.writeString(vm.resolve(QemuScript.FILE), QemuScript.render(plan, PlanRequest.OVMF_VARS));
    }

    @Test
    void theScriptParsesInShAndBash() throws Exception {
        Path s = script(SsdtMode.FWCFG);
        for (String sh : List.of("sh", "bash", "dash")) {
            if (Tools.onPath(sh) != null) {
                LibvirtTools.Result r = LibvirtTools.run(List.of(sh, "-n", s.toString()), null);
                assertThat(r.exit()).as(sh + " -n: " + r.output()).isZero();
            }
        }
        LibvirtTools.Result noDisk = LibvirtTools.run(List.of("sh", s.toString()), null);
        assertThat(noDisk.exit()).isEqualTo(1);
        assertThat(noDisk.output()).contains("set DISK");
        assertThat(Files.readString(s)).contains("-machine q35,accel=kvm").contains(QemuScript.DISK_PLACEHOLDER);
    }

    @Test
    void qemuAcceptsWhatTheScriptStarts() throws Exception {
        Path qemu = QemuPeerTest.qemu();
        Path code = Path.of(PlanRequest.OVMF_CODE);
        Assumptions.assumeTrue(Files.isRegularFile(code) && Files.isRegularFile(Path.of(PlanRequest.OVMF_VARS)),
                "OVMF is not installed (apt install ovmf); start script run skipped");
        Path s = script(SsdtMode.EMBED);
        Path disk = tmp.resolve("disk.raw");
        Files.write(disk, new byte[1 << 20]);
        Path wrapper = tmp.resolve("qemu-stand-in.sh");
        Files.writeString(wrapper, """
                #!/bin/sh
                # vfio-pci needs a real GPU: the same bus/addr/romfile on virtio-rng-pci; no KVM here
                for a; do
                  shift
                  case "$a" in
                    vfio-pci,*) a=$(printf '%s' "$a" | sed -e 's/^vfio-pci,/virtio-rng-pci,/' -e 's/host=[^,]*,//' \\
                        -e 's/,x-pci-sub-vendor-id=[^,]*//' -e 's/,x-pci-sub-device-id=[^,]*//') ;;
                    *accel=kvm*) a=$(printf '%s' "$a" | sed 's/accel=kvm/accel=tcg/') ;;
                    host) a=max ;;
                  esac
                  set -- "$@" "$a"
                done
                exec\s""" + qemu + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        LibvirtTools.Result r = LibvirtTools.run(List.of("env", "QEMU=" + wrapper, "DISK=" + disk, "DISK_FORMAT=raw",
                "MEMORY=512M", "CPUS=1", "DISPLAY_ARGS=-display none", "sh", s.toString(), "-S", "-monitor", "stdio"),
                "quit\n");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("qemu-system-x86_64:");
        assertThat(s.getParent().resolve("vm-OVMF_VARS.fd")).as("made on the first start").isRegularFile()
                .hasSize(Files.size(Path.of(PlanRequest.OVMF_VARS)));
    }
}
