package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.util.Optional;

/**
 * PC-AT image header extras (rom-format.md 1.2).
 *
 * @param initSizeBlocks byte 2: what SeaBIOS checksums and copies
 * @param entry bytes 3..5 (the init entry jump) as hex
 * @param pnpOffset u16 at 0x1A (PnP header pointer)
 * @param nvidiaTag true when "K7400"/"VIDEO" sit at 0x04/0x0E
 * @param date NVIDIA 8-char date at 0x38 (MM/DD/YY) or null
 * @param pmid true when 0x54 holds "PMID" (then there are no subsystem IDs there)
 * @param subsystemVendorId u16 at 0x54 on pre-Pascal NVIDIA ROMs, or -1
 * @param subsystemDeviceId u16 at 0x56 on pre-Pascal NVIDIA ROMs, or -1
 */
public record X86Header(int initSizeBlocks, String entry, int pnpOffset, boolean nvidiaTag, String date,
                        boolean pmid, int subsystemVendorId, int subsystemDeviceId) {

    static X86Header parse(ByteSlice file, long off) {
        boolean nvidia = file.matchesAscii(off + 4, "K7400") || file.matchesAscii(off + 0x0E, "VIDEO");
        String date = nvidia ? dateAt(file, off + 0x38).orElse(null) : null;
        boolean pmid = file.matchesAscii(off + 0x54, "PMID");
        int ssv = -1;
        int ssd = -1;
        // 0x54 is subsystem IDs only on Kepler/Maxwell; later ROMs put "PMID" there (1.2, 3.18)
        if (nvidia && !pmid && file.contains(off + 0x54, 4) && file.u32(off + 0x54) != 0) {
            ssv = file.u16(off + 0x54);
            ssd = file.u16(off + 0x56);
        }
        String entry = file.contains(off + 3, 3) ? Hex.of(file.bytes(off + 3, 3)) : "";
        int pnp = file.contains(off + 0x1A, 2) ? file.u16(off + 0x1A) : 0;
        return new X86Header(file.u8(off + 2), entry, pnp, nvidia, date, pmid, ssv, ssd);
    }

    /** An MM/DD/YY date; empty when the bytes are not one. */
    static Optional<String> dateAt(ByteSlice file, long off) {
        if (!file.contains(off, 8)) {
            return Optional.empty();
        }
        String s = file.asciiz(off, 8);
        return Hex.digitsLike(s, "99/99/99") ? Optional.of(s) : Optional.empty();
    }

    public long initSize() {
        return initSizeBlocks * 512L;
    }
}
