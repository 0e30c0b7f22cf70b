package io.github.vbios.rom;

import java.util.Optional;

/** ROM header signatures (rom-format.md 1.1): 55 AA for PCI; VN and 77 BB for NVIDIA private images. */
public enum RomSignature {
    PCI(0xAA55, "55AA"), NVIDIA_VN(0x4E56, "VN"), NVIDIA_BB77(0xBB77, "77BB");

    private final int value;
    private final String text;

    RomSignature(int value, String text) {
        this.value = value;
        this.text = text;
    }

    public int value() {
        return value;
    }

    public String text() {
        return text;
    }

    /** The signature for a u16 read at an image start; empty when it is none of them. */
    public static Optional<RomSignature> of(int u16) {
        for (RomSignature s : values()) {
            if (s.value == u16) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
