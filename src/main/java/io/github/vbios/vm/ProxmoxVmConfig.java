package io.github.vbios.vm;

import io.github.vbios.io.VbiosException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Proxmox VE VM config ({@code /etc/pve/qemu-server/VMID.conf}) as {@code qm config} keeps it:
 * {@code key: value} lines of the current configuration, then {@code [snapshot]} sections, which
 * are kept verbatim. Read so that a plan keeps what the VM has: its pinned machine version, its
 * {@code args:}, its firmware, the {@code hostpciN} slots already used.
 *
 * @param lines  the file's lines
 * @param values the current configuration's keys (before the first section), in file order
 */
public record ProxmoxVmConfig(List<String> lines, Map<String, String> values) {
    private static final Pattern LINE = Pattern.compile("^([a-z][a-z0-9_-]*):\\s*(.*)$");
    private static final Pattern HOSTPCI = Pattern.compile("hostpci(\\d+)");

    public ProxmoxVmConfig {
        lines = List.copyOf(lines);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ProxmoxVmConfig read(String text) {
        List<String> lines = List.of(text.split("\r?\n", -1));
        Map<String, String> values = new LinkedHashMap<>();
        for (String l : lines) {
            if (l.startsWith("[")) {
                break;
            }
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
                values.put(m.group(1), m.group(2).trim());
            } else if (!l.isBlank() && !l.startsWith("#")) {
                throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "not a Proxmox VM config line: '" + l
                        + "' (pass /etc/pve/qemu-server/VMID.conf)");
            }
        }
        if (values.isEmpty()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT,
                    "no 'key: value' lines: not a Proxmox VM config (pass /etc/pve/qemu-server/VMID.conf)");
        }
        return new ProxmoxVmConfig(lines, values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Proxmox's default machine is i440fx ("pc") when {@code machine:} is absent. */
    public boolean q35() {
        return get("machine").map(m -> m.contains("q35")).orElse(false);
    }

    /** Proxmox's default firmware is SeaBIOS when {@code bios:} is absent. */
    public boolean ovmf() {
        return get("bios").map("ovmf"::equals).orElse(false);
    }

    /** {@code N -> value} of every {@code hostpciN}. */
    public Map<Integer, String> hostpci() {
        Map<Integer, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            Matcher m = HOSTPCI.matcher(k);
            if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), v);
            }
        });
        return out;
    }

    /** The N of a {@code hostpciN} passing host slot {@code 0000:01:00} (any function), if any. */
    public Optional<Integer> hostpciFor(String hostSlot) {
        for (Map.Entry<Integer, String> e : hostpci().entrySet()) {
            String hosts = e.getValue().split(",", -1)[0].replaceFirst("^host=", "");
            for (String h : hosts.split(";", -1)) {
                String full = h.matches("[0-9a-fA-F]{2}:[0-9a-fA-F]{2}(\\.[0-7])?") ? "0000:" + h : h;
                if (full.toLowerCase(Locale.ROOT).startsWith(hostSlot)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The file with {@code set} applied to the current configuration: existing keys replaced in
     * place, new ones added after the last key, snapshot sections untouched.
     */
    public List<String> merged(Map<String, String> set) {
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(set);
        boolean inSection = false;
        int lastKey = -1;
        for (String l : lines) {
            inSection |= l.startsWith("[");
            Matcher m = LINE.matcher(l);
            if (!inSection && m.matches()) {
                String k = m.group(1);
                out.add(pending.containsKey(k) ? k + ": " + pending.remove(k) : l);
                lastKey = out.size();
            } else {
                out.add(l);
            }
        }
        List<String> add = new ArrayList<>();
        pending.forEach((k, v) -> add.add(k + ": " + v));
        out.addAll(lastKey < 0 ? 0 : lastKey, add);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
