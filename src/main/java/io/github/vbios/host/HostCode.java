package io.github.vbios.host;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings made reading the host (sysfs, procfs): doctor, dump, vm.
 * Each id is {@code host.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum HostCode implements FindingCode {
    /** An entry of /sys/bus/pci/devices that is not a PCI address; skipped. */
    NOT_A_PCI_ADDRESS,
    /** A host file that is not a regular file (a FIFO or device?); not read. */
    FILE_NOT_REGULAR,
    /** A host file that cannot be read. */
    FILE_UNREADABLE,
    /** A host file that does not hold a hex number. */
    VALUE_NOT_HEX,
    /** A host file whose number is larger than the field allows. */
    VALUE_TOO_LARGE,
    /** A host file that does not hold a number. */
    VALUE_NOT_NUMBER,
    /** A host link that cannot be read. */
    LINK_UNREADABLE,
    /** A host folder that cannot be listed. */
    FOLDER_UNLISTABLE;

    @Override
    public String room() {
        return "host";
    }
}
