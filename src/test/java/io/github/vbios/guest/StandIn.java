package io.github.vbios.guest;

import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in for a passed-through function, as the issue allows it "only where unavoidable" (no
 * GPU on CI): the GPU (function 0) becomes {@code virtio-rng-pci}, which the probe finds by
 * {@link #VENDOR}:{@link #DEVICE}; other functions become {@code pci-testdev}. Bus, address,
 * function, id and multifunction stay as the stack wrote them; host, romfile and the vfio-only
 * {@code x-pci-*} properties are dropped.
 */
final class StandIn {
    /** virtio-rng-pci behind a PCIe port is a modern-only virtio device: 1af4:1044. */
    static final int VENDOR = 0x1af4;
    static final int DEVICE = 0x1044;

    private StandIn() {
    }

    /** A {@code -device vfio-pci,...} value with its stand-in; other values unchanged. */
    static String device(String value) {
        if (!value.startsWith("vfio-pci,") && !value.contains("\"driver\":\"vfio-pci\"")) {
            return value;
        }
        List<String> keep = new ArrayList<>();
        boolean gpu = true;
        // QEMU doubles commas inside values (romfile paths): split on single commas only
        for (String p : value.split("(?<!,),(?!,)", -1)) {
            String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
            if (key.equals("addr")) {
                String a = p.substring(5);
                gpu = !a.contains(".") || a.endsWith(".0") || a.endsWith(".0x0");
            }
            if (List.of("id", "bus", "addr", "multifunction").contains(key)) {
                keep.add(p);
            }
        }
        return (gpu ? "virtio-rng-pci," : "pci-testdev,") + String.join(",", keep);
    }

    /** Every {@code -device} of an argument list through {@link #device}. */
    static List<String> args(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            out.add(i > 0 && args.get(i - 1).equals("-device") ? device(args.get(i)) : args.get(i));
        }
        return out;
    }
}
