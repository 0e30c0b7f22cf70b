package io.github.vbios.rom;

/** Which rule of rom-format.md 1.9.1 found the option-ROM start. */
public enum ContainerKind {
    /** NVGI / IFR v1 header: start = u32 at fixed-data size + 4. */
    NVGI_V1("nvgi-v1", "NVGI v1 dump"),
    /** NVGI / IFR v2 header, same rule as v1. */
    NVGI_V2("nvgi-v2", "NVGI v2 dump"),
    /** NVGI / IFR v3 header with RFRD directory. */
    NVGI_V3("nvgi-v3", "NVGI v3 dump"),
    /** Blackwell NVFW header with RFRD v4 directory. */
    NVFW_RFRD_V4("nvfw-rfrd-v4", "NVFW dump"),
    /** 55 AA + PCIR at offset 0: a plain option ROM. */
    PLAIN("plain", "plain option ROM"),
    /** First 512-byte boundary holding 55 AA with a valid PCIR pointer. */
    SCAN_512("scan-512", "option ROM found by 512-byte scan"),
    /** Last resort: 4-byte scan; the start is a guess among the reported candidates. */
    SCAN_FALLBACK("scan-fallback", "option ROM found by fallback scan"),
    /** Nothing found: not an option ROM. */
    NONE("none", "no option ROM");

    private final String jsonName;
    private final String description;

    ContainerKind(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    public String jsonName() {
        return jsonName;
    }

    public String description() {
        return description;
    }

    public boolean isNvidiaContainer() {
        return this == NVGI_V1 || this == NVGI_V2 || this == NVGI_V3 || this == NVFW_RFRD_V4;
    }
}
