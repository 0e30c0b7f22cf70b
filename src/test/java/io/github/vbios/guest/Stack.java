package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One way users start the VM (plain QEMU, libvirt, Proxmox): which {@code vbios vm} command it
 * takes, and how that stack turns vbios's output into the QEMU command line it would run. Only the
 * vfio-pci devices become stand-ins ({@link StandIn}); everything else is the stack's own.
 */
interface Stack {
    /** OVMF images from Debian's ovmf package (non-secure-boot: the Debian kernel is not signed for OVMF's db). */
    Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");

    /** What the guest boots and how; {@code dir} is the cell's folder (QEMU's working directory). */
    record Guest(Path dir, Path kernel, Path initrd, Path serial, String append, boolean ovmf, boolean hotplug) {
        /** Memory, no display, serial to a file, direct kernel boot: the parts of a VM the stacks leave to the user. */
        List<String> common() {
            return new ArrayList<>(List.of("-m", "512", "-display", "none", "-nodefaults", "-no-reboot",
                    "-serial", "file:" + serial, "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                    "-append", append));
        }
    }

    String name();

    /** The {@code vbios vm ...} words for this stack, without --romfile, --ssdt and --json. */
    List<String> vmCommand(Guest guest) throws Exception;

    /** The QEMU command line (binary first) this stack runs for the JSON that {@code vm} printed. */
    List<String> qemu(JsonNode vm, Guest guest) throws Exception;

    /** How the guest ran: the command that started it, what it printed, whether it ended in time. */
    record Run(List<String> command, String log, boolean done) {
    }

    /** Starts the VM as this stack does and waits until it powers off (default: QEMU run by the test). */
    default Run run(JsonNode vm, Guest guest, long timeoutSeconds) throws Exception {
        List<String> argv = qemu(vm, guest);
        Path log = guest.dir().resolve("qemu.log");
        Process p = new ProcessBuilder(argv).directory(guest.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        return new Run(argv, Files.readString(log), done);
    }
}
