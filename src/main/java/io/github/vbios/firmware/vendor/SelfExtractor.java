package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.archive.Cabinet;
import io.github.vbios.firmware.archive.SevenZ;
import io.github.vbios.firmware.external.Rar;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Hex;
import java.nio.charset.StandardCharsets;

/**
 * Windows executables ({@code MZ}) that carry a 7-Zip, RAR or ZIP archive after their stub: 7z,
 * WinRAR and zip SFX updaters (firmware.md 3). The archive is opened from its signature; the exe itself
 * still goes on to the raw scan, which carves anything stored uncompressed. Insyde iFdPacker
 * (Acer, Lenovo and HP consumer laptops) hides its 7z after {@code ;!@InstallEnd@!} with every
 * byte rotated left by one bit; that archive is rotated back first.
 */
public final class SelfExtractor implements Container {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] CAB = {'M', 'S', 'C', 'F', 0, 0, 0, 0};
    private static final byte[] INSTALL_END = "\r\n;!@InstallEnd@!\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The first five bytes of the 7z signature, each rotated left by one bit. */
    private static final byte[] OBFUSCATED_7Z = {0x6E, (byte) 0xF4, 0x79, 0x5F, 0x4E};

    @Override
    public String kind() {
        return "sfx";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return d.length() > 0x40 && d.u16(0) == 0x5A4D;
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        int seven = d.indexOf(SevenZ.magic(), 0x40);
        if (seven > 0) {
            walk.seen(blob, "7z", seven, d.length() - seven, null, "self-extracting");
            walk.explore(blob.child(d.from(seven), "sfx 7z@" + Hex.offset(seven)));
        }
        int end = d.indexOf(INSTALL_END, 0x40);
        int hidden = end < 0 ? -1 : end + INSTALL_END.length;
        if (hidden > 0 && d.matches(hidden, OBFUSCATED_7Z) && walk.budgetLeft(blob)) {
            ByteSlice archive = d.from(hidden);
            byte[] plain = archive.toArray();
            for (int i = 0; i < plain.length; i++) {
                int b = plain[i] & 0xFF;
                plain[i] = (byte) (b >>> 1 | (b & 1) << 7);
            }
            walk.decoded(plain.length);
            walk.seen(blob, "7z", hidden, plain.length, null, "Insyde iFdPacker, obfuscated");
            walk.explore(blob.child(ByteSlice.of(plain), "iFdPacker 7z@" + Hex.offset(hidden)));
        }
        for (int cab = d.indexOf(CAB, 0x40); cab > 0; cab = d.indexOf(CAB, cab + 1)) {
            if (Cabinet.looksLikeCab(d, cab)) { // IExpress and other cabinet SFX stubs
                ByteSlice c = d.clamp(cab, d.u32(cab + 8));
                walk.seen(blob, "cab", cab, c.length(), null, "self-extracting");
                walk.explore(blob.child(c, "sfx cab@" + Hex.offset(cab)));
                break;
            }
        }
        byte[] rarPrefix = Rar.prefix();
        int rar = d.indexOf(rarPrefix, 0x40);
        while (rar > 0 && !Rar.headerValid(d, rar)) {
            rar = d.indexOf(rarPrefix, rar + 1);
        }
        if (rar > 0) { // WinRAR SFX: the archive follows the SFX module
            walk.seen(blob, "rar", rar, d.length() - rar, null, "self-extracting");
            walk.explore(blob.child(d.from(rar), "sfx rar@" + Hex.offset(rar)));
        }
        int zip = d.indexOf(ZIP, 0x40);
        if (zip > 0) {
            walk.seen(blob, "zip", zip, d.length() - zip, null, "self-extracting");
            walk.explore(blob.child(d.from(zip), "sfx zip@" + Hex.offset(zip)));
        }
        return false;
    }
}
