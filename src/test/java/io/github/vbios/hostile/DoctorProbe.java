package io.github.vbios.hostile;

import io.github.vbios.host.HostReader;
import io.github.vbios.plan.Doctor;
import io.github.vbios.sample.HostTreeBuilder;
import java.nio.file.Path;
import java.util.Optional;

/** Temporary timing probe. */
public final class DoctorProbe {
    public static void main(String[] a) throws Exception {
        int gpus = Integer.parseInt(a[1]);
        long t = System.nanoTime();
        HostTreeBuilder b = HostTreeBuilder.at(Path.of(a[0])).cpuVendor("GenuineIntel").cmdline("intel_iommu=on")
                .modules("vfio", "vfio_pci");
        for (int i = 0; i < gpus; i++) {
            String slot = String.format("%04x:%02x:%02x", i / 256 / 32, i / 32 % 256, i % 32);
            b.function(slot + ".0").ids(0x10de, 0x1c8d).subsystem(0x1028, 0x0001).classCode(0x030000)
                    .driver("vfio-pci").group(i).add();
            b.function(slot + ".1").ids(0x10de, 0x10f1).subsystem(0x1028, 0x0001).classCode(0x040300)
                    .driver("vfio-pci").group(i).add();
        }
        Path host = b.build();
        System.out.println("build " + (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        var s = new HostReader(host).snapshot();
        System.out.println("read " + (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        Doctor.examine(s, Optional.empty());
        System.out.println("doctor " + (System.nanoTime() - t) / 1e9);
    }
}
