package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
