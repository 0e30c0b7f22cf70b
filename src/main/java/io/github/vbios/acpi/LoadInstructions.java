package io.github.vbios.acpi;

import java.nio.file.Path;
import java.util.List;

/**
 * How to load a table set: QEMU arguments, the libvirt {@code <qemu:commandline>} block and the
 * Proxmox {@code args:} line (acpi-vm.md 3.1-3.3).
 *
 * @param qemuArgs  the arguments, one list element per argv entry
 * @param libvirt   XML to put inside {@code <domain ... xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>}
 * @param proxmox   the line for {@code /etc/pve/qemu-server/VMID.conf}
 */
public record LoadInstructions(List<String> qemuArgs, String libvirt, String proxmox) {
    public LoadInstructions {
        qemuArgs = List.copyOf(qemuArgs);
    }

    public static LoadInstructions of(SsdtManifest m, Path dir) {
        List<String> args = m.qemuArguments(dir.toAbsolutePath().normalize());
        StringBuilder x = new StringBuilder("<qemu:commandline>\n");
        for (String a : args) {
            x.append("  <qemu:arg value='").append(xml(a)).append("'/>\n");
        }
        x.append("</qemu:commandline>");
        StringBuilder p = new StringBuilder("args:");
        for (String a : args) {
            p.append(' ').append(shellSafe(a) ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return new LoadInstructions(args, x.toString(), p.toString());
    }

    /** The QEMU arguments as one shell-quoted line. */
    public String qemuLine() {
        StringBuilder b = new StringBuilder();
        for (String a : qemuArgs) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(shellSafe(a) ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    private static boolean shellSafe(String a) {
        return a.matches("[A-Za-z0-9_./=,:+@%-]+");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
