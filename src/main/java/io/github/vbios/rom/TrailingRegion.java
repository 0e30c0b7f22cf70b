package io.github.vbios.rom;

import java.util.Locale;

/**
 * A stretch of a dump that lies after the bytes a romfile keeps (rom-format.md 1.8 "what else a
 * full-flash dump contains"), with what it looks like.
 *
 * @param offset absolute offset in the input
 * @param length bytes
 * @param kind what the bytes are
 * @param description a sentence for the user (which images, which fill byte, ...)
 */
public record TrailingRegion(long offset, long length, Kind kind, String description) {
    /** The kinds of trailing bytes real dumps carry. */
    public enum Kind {
        /** NVIDIA-only images (0xE0 VBIOS extension, 0x70 NBSI) outside the PCI view: layout A (1.9.4). */
        NVIDIA_IMAGES,
        /** InfoROM object directory ("ROM" 01 followed by IMG/OBD/... records). */
        INFOROM,
        /** A second container + option-ROM chain (TU117 keeps a backup copy at 0x54000). */
        BACKUP_COPY,
        /** 0xFF or 0x00 fill. */
        FILL,
        /** Anything else (AMD's opaque block after the PCI view, signed blobs, ...). */
        DATA;

        /** The JSON name: lowercase with dashes. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public long end() {
        return offset + length;
    }
}
