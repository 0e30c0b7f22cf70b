package io.github.vbios.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kernel command line ({@code /proc/cmdline}) as a list of {@code key[=value]} words, with
 * the parameters that matter for passthrough named. Quoting is rare on real hosts and ignored.
 */
public record KernelCmdline(String raw, List<String> words) {
    public KernelCmdline {
        words = List.copyOf(words);
    }

    public static KernelCmdline parse(String text) {
        String t = text == null ? "" : text.trim();
        List<String> w = new ArrayList<>();
        for (String s : t.split("\\s+", 4096)) {
            if (!s.isEmpty()) {
                w.add(s);
            }
        }
        return new KernelCmdline(t, w);
    }

    /** The value of the last {@code key=...} (the kernel also lets the last one win). */
    public Optional<String> value(String key) {
        Optional<String> v = Optional.empty();
        for (String s : words) {
            if (s.startsWith(key + "=")) {
                v = Optional.of(s.substring(key.length() + 1));
            }
        }
        return v;
    }

    public boolean has(String word) {
        return words.contains(word);
    }

    /** {@code intel_iommu=on} (Intel hosts need it on kernels configured without INTEL_IOMMU_DEFAULT_ON). */
    public boolean intelIommuOn() {
        return value("intel_iommu").map(v -> v.toLowerCase(Locale.ROOT).contains("on")).orElse(false);
    }

    /** {@code amd_iommu=off} or {@code intel_iommu=off}: the user turned it off on purpose. */
    public boolean iommuTurnedOff() {
        return value("intel_iommu").map(v -> v.contains("off")).orElse(false)
                || value("amd_iommu").map(v -> v.contains("off")).orElse(false)
                || value("iommu").map(v -> v.equals("off")).orElse(false);
    }

    public boolean iommuPassthrough() {
        return value("iommu").map("pt"::equals).orElse(false);
    }

    /** IDs from {@code vfio-pci.ids=10de:1c03,10de:10f1}, lowercase. */
    public List<String> vfioIds() {
        return value("vfio-pci.ids").or(() -> value("vfio_pci.ids"))
                .map(v -> List.of(v.toLowerCase(Locale.ROOT).split(",", 64))).orElse(List.of());
    }

    /** {@code video=efifb:off}: the efifb driver stays off the boot framebuffer (frees it before Linux 5.15). */
    public boolean efifbOff() {
        return words.stream().anyMatch(w -> w.startsWith("video=") && w.contains("efifb:off"));
    }

    /** {@code initcall_blacklist=...sysfb_init...}: sysfb registers no boot framebuffer (Linux 5.15 and later). */
    public boolean sysfbBlacklisted() {
        return value("initcall_blacklist").map(v -> List.of(v.split(",", 64)).contains("sysfb_init")).orElse(false);
    }

    /** The host console will not claim the boot framebuffer. */
    public boolean framebufferDisabled() {
        return words.stream().anyMatch(w -> w.startsWith("video=") && w.contains("efifb:off"))
                || value("initcall_blacklist").map(v -> v.contains("sysfb_init")).orElse(false);
    }
}
