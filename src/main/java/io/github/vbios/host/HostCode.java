package io.github.vbios.host;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings made reading the host (sysfs, procfs): doctor, dump, vm.
 * Each id is {@code host.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum HostCode implements FindingCode {
    /** An entry of /sys/bus/pci/devices that is not a PCI address; skipped. */
    NOT_A_PCI_ADDRESS("not-a-pci-address"),
    /** A host file that is not a regular file (a FIFO or device?); not read. */
    FILE_NOT_REGULAR("file-not-regular"),
    /** A host file that cannot be read. */
    FILE_UNREADABLE("file-unreadable"),
    /** A host file that does not hold a hex number. */
    VALUE_NOT_HEX("value-not-hex"),
    /** A host file whose number is larger than the field allows. */
    VALUE_TOO_LARGE("value-too-large"),
    /** A host file that does not hold a number. */
    VALUE_NOT_NUMBER("value-not-number"),
    /** A host link that cannot be read. */
    LINK_UNREADABLE("link-unreadable"),
    /** A host folder that cannot be listed. */
    FOLDER_UNLISTABLE("folder-unlistable");

    private final String id;

    HostCode(String name) {
        this.id = "host." + name;
    }

    @Override
    public String id() {
        return id;
    }
}
