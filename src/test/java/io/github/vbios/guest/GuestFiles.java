package io.github.vbios.guest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * What the guest boots, prepared once by {@code .ci/guest-kernel.sh} in {@code .cache/guest/}: the
 * Debian kernel, a static busybox, Debian's battery/ac modules and our probe {@code vbrom.ko}
 * (src/test/guest/vbrom, built against that kernel's headers). One kernel and one module serve
 * every boot; only the /init script differs per boot.
 */
record GuestFiles(Path dir) {
    static final List<String> REQUIRED = List.of("vmlinuz", "busybox", "vbrom.ko", "battery.ko", "ac.ko");

    /** The folder ({@code -Dvbios.guest.dir} or {@code .cache/guest}). */
    static Path folder() {
        String prop = System.getProperty("vbios.guest.dir");
        return Path.of(prop != null ? prop : ".cache/guest").toAbsolutePath();
    }

    /** Null when everything is there, else a sentence saying what is missing and how to get it. */
    static String missing(Path dir) {
        List<String> absent = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                absent.add(f);
            }
        }
        return absent.isEmpty() ? null : "guest files " + absent + " not found in " + dir
                + " (run .ci/guest-kernel.sh: it downloads the Debian kernel and busybox and builds vbrom.ko"
                + " against linux-headers-VERSION)";
    }

    Path kernel() {
        return dir.resolve("vmlinuz");
    }

    /** A busybox initramfs whose /init is {@code init}; the modules sit in /lib. */
    byte[] initramfs(String init) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, CpioConstants.FORMAT_NEW)) {
            for (String d : List.of("bin", "dev", "lib", "proc", "sys")) {
                CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, d);
                e.setMode(CpioConstants.C_ISDIR | 0755);
                e.setNumberOfLinks(2);
                cpio.putArchiveEntry(e);
                cpio.closeArchiveEntry();
            }
            CpioArchiveEntry console = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, "dev/console");
            console.setMode(CpioConstants.C_ISCHR | 0600);
            console.setRemoteDeviceMaj(5);
            console.setRemoteDeviceMin(1);
            console.setNumberOfLinks(1);
            cpio.putArchiveEntry(console);
            cpio.closeArchiveEntry();
            file(cpio, "init", init.getBytes(StandardCharsets.US_ASCII));
            file(cpio, "bin/busybox", Files.readAllBytes(dir.resolve("busybox")));
            for (String m : List.of("battery.ko", "ac.ko", "vbrom.ko")) {
                file(cpio, "lib/" + m, Files.readAllBytes(dir.resolve(m)));
            }
        }
        return bytes.toByteArray();
    }

    private static void file(CpioArchiveOutputStream cpio, String name, byte[] data) throws IOException {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        e.setMode(CpioConstants.C_ISREG | 0755);
        e.setSize(data.length);
        e.setNumberOfLinks(1);
        cpio.putArchiveEntry(e);
        cpio.write(data);
        cpio.closeArchiveEntry();
    }

    /**
     * /init: loads battery/ac, runs the probe on the stand-in (vendor:device) for {@code size}
     * bytes, prints between markers what the test checks, then powers off.
     */
    static String init(int vendor, int device, long size) {
        return String.join("\n",
                "#!/bin/busybox sh",
                "/bin/busybox mkdir -p /proc /sys /dev",
                "/bin/busybox mount -t devtmpfs dev /dev 2>/dev/null",
                "/bin/busybox --install -s /bin",
                "mount -t proc proc /proc",
                "mount -t sysfs sys /sys",
                "insmod /lib/battery.ko; insmod /lib/ac.ko",
                String.format("insmod /lib/vbrom.ko vendor=0x%04x device=0x%04x size=%d", vendor, device, size),
                "echo VBIOS-GUEST-BEGIN",
                "dmesg | grep 'VBROM ' | sed 's/^\\[[^]]*\\] //'",
                "for d in /sys/bus/pci/devices/*; do echo \"PCI $(basename $d) $(cat $d/vendor):$(cat $d/device)"
                        + " $(cat $d/firmware_node/path 2>/dev/null)\"; done",
                "for p in /sys/class/power_supply/*; do [ -e \"$p\" ] && echo \"PSU $(basename $p) $(cat $p/type)"
                        + " present=$(cat $p/present 2>/dev/null)\"; done",
                "dmesg | grep -iE 'ACPI (BIOS )?(Error|Warning)|AE_[A-Z_]+|Could not resolve|Invalid _ROM'"
                        + " | sed 's/^/ACPIERR /'",
                "echo VBIOS-GUEST-END",
                "poweroff -f",
                "");
    }
}
