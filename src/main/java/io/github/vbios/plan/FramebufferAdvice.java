package io.github.vbios.plan;

import io.github.vbios.host.HostSnapshot;
import io.github.vbios.host.KernelCmdline;
import java.util.Optional;

/**
 * The one kernel parameter that frees a boot GPU's framebuffer on the running kernel (issue 15), and
 * where to put it. Since Linux 5.15 sysfb registers the boot framebuffer (BOOTFB, simpledrm or
 * efifb as a platform device) itself, so {@code video=efifb:off} no longer releases the region and
 * {@code initcall_blacklist=sysfb_init} does; before 5.15 efifb/vesafb claim it and
 * {@code video=efifb:off video=vesafb:off} frees it.
 *
 * @param message what is set and why it does or does not help, a sentence for the check
 * @param fix     the parameter, where to put it, how to apply it; null when nothing is to be added
 */
record FramebufferAdvice(String message, String fix) {
    static final String SYSFB = "initcall_blacklist=sysfb_init";
    static final String EFIFB = "video=efifb:off video=vesafb:off";
    static final String WHERE = "GRUB: add it to GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub, then sudo update-grub; "
            + "systemd-boot (Proxmox on ZFS/UEFI): append it to the one line in /etc/kernel/cmdline, then "
            + "sudo proxmox-boot-tool refresh; then reboot";

    /** Advice for a framebuffer found in the GPU's BARs ({@code hits}: "BOOTFB in BAR1", ...). */
    static FramebufferAdvice forConflict(HostSnapshot host, String hits) {
        KernelCmdline cmd = host.cmdline();
        Optional<Boolean> modern = host.kernel().atLeast(5, 15);
        String kernel = host.kernel().known() ? "Linux " + host.kernel().text() : "this kernel";
        String base = hits + ": vfio-pci cannot reserve that BAR ('BAR n: can't reserve') until the framebuffer lets go";
        if (modern.isEmpty()) {
            String set = cmd.sysfbBlacklisted() || cmd.efifbOff() ? " (already set: " + setText(cmd) + ")" : "";
            return new FramebufferAdvice(base + "; the kernel version is unknown" + set,
                    "on Linux 5.15 or later add '" + SYSFB + "', on older kernels '" + EFIFB
                            + "' to the kernel command line. " + WHERE);
        }
        boolean sysfb = modern.get();
        boolean needed = sysfb ? cmd.sysfbBlacklisted() : cmd.efifbOff();
        if (needed) {
            return new FramebufferAdvice(base + "; " + (sysfb ? SYSFB : "video=efifb:off") + " is already on the "
                    + kernel + " command line, so another driver holds the framebuffer",
                    "find it: dmesg | grep -iE 'efifb|vesafb|simpledrm|simplefb|fbcon' and grep -iE 'BOOTFB|efifb|"
                            + "simpledrm|vesafb' /proc/iomem; a driver built into the kernel needs its own off switch");
        }
        String stale = sysfb && cmd.efifbOff()
                ? "; video=efifb:off is set, but since Linux 5.15 the sysfb/simpledrm path holds the region and "
                        + "efifb:off no longer frees it (" + kernel + ")"
                : !sysfb && cmd.sysfbBlacklisted()
                        ? "; " + SYSFB + " is set, but before Linux 5.15 efifb/vesafb hold the region (" + kernel + ")"
                        : "";
        String param = sysfb ? SYSFB : EFIFB;
        String verb = stale.isEmpty() ? "add '" + param + "' to" : "replace it with '" + param + "' on";
        return new FramebufferAdvice(base + stale, verb + " the kernel command line (" + kernel + "). " + WHERE);
    }

    private static String setText(KernelCmdline cmd) {
        return cmd.sysfbBlacklisted() && cmd.efifbOff() ? SYSFB + " and video=efifb:off"
                : cmd.sysfbBlacklisted() ? SYSFB : "video=efifb:off";
    }
}
