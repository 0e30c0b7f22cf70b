package io.github.vbios.vm;

import io.github.vbios.io.FindingCode;

/**
 * The kinds of findings of reading a VM definition (libvirt domain XML).
 * Each id is {@code vm.<name>}, stable, and listed in docs/json.md (FindingCodesDocTest keeps them equal).
 */
public enum VmCode implements FindingCode {
    /** The domain file is not a readable XML document. */
    XML_UNREADABLE,
    /** The root element is not {@code <domain>}. */
    ROOT_NOT_DOMAIN,
    /** The domain's name is malformed. */
    NAME_MALFORMED;

    @Override
    public String room() {
        return "vm";
    }
}
