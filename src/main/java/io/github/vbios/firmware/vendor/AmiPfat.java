package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.EmbeddedFormat;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.OutputFolder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AMI BIOS Guard packages (firmware.md 3, BIOSUtilities ami_pfat_extract): {u32 Size, u32 Checksum,
 * "_AMIPFAT", u8 Flags}, then up to Size a text table: a title line
 * ({@code AMI_BIOS_GUARD_FLASH_CONFIGURATIONS}...) and one line per file,
 * {@code "<flags> <parameter> <block count> ;<name>"}. The BIOS Guard blocks follow the table,
 * file after file; each file is the concatenation of its blocks' data. HP, Dell and MSI flashers
 * ship BIOS regions this way, so the volumes inside are only whole once the blocks are joined.
 */
public final class AmiPfat implements EmbeddedFormat {
    private static final byte[] TAG = "_AMIPFAT".getBytes(StandardCharsets.US_ASCII);
    private static final String TITLE = "AMI_BIOS_GUARD_FLASH_CONFIGURATIONS";
    private static final int HEADER = 0x11;
    private static final int MAX_TABLE = 1 << 20;

    /** One line of the file table. */
    private record FileEntry(String name, int blocks) {
    }

    @Override
    public String kind() {
        return "ami-pfat";
    }

    /** The header offset (8 bytes before the tag, with the title right after the header), or -1. */
    @Override
    public int find(ByteSlice d) {
        for (int p = d.indexOf(TAG, 8); p >= 0; p = d.indexOf(TAG, p + 1)) {
            if (d.matchesAscii(p - 8 + HEADER, TITLE)) {
                return p - 8;
            }
        }
        return -1;
    }

    @Override
    public boolean open(Blob blob, int h, Walk walk) {
        ByteSlice d = blob.data();
        long size = d.u32(h);
        if (size < HEADER + TITLE.length() || size > MAX_TABLE || !d.contains(h, size)) {
            walk.finding(blob, Finding.warning(FirmwareCode.BIOS_GUARD_HEADER_INVALID,
                    h, "AMI BIOS Guard header size " + size + " does not fit; scanning raw"));
            return false;
        }
        List<FileEntry> files = table(d.slice(h + HEADER, size - HEADER));
        if (files.isEmpty()) {
            walk.finding(blob, Finding.warning(FirmwareCode.BIOS_GUARD_EMPTY,
                    h, "AMI BIOS Guard table lists no files; scanning raw"));
            return false;
        }
        walk.seen(blob, "ami-pfat", h, size, null, files.size() + " files");
        int off = h + (int) size;
        for (FileEntry f : files) {
            BiosGuardImage image = new BiosGuardImage();
            long total = 0;
            for (int i = 0; i < f.blocks(); i++) {
                BiosGuardBlock b = BiosGuardBlock.at(d, off).orElse(null);
                int sig = b == null ? -1 : b.signatureLength(d);
                if (b == null || sig < 0) {
                    String why = b == null ? " is not a BIOS Guard block" : " has a signature of unknown size";
                    walk.finding(blob, Finding.warning(FirmwareCode.BIOS_GUARD_BLOCK_INVALID,
                            off, "AMI BIOS Guard file " + f.name() + ": block " + (i + 1)
                            + " of " + f.blocks() + why + "; the rest is scanned raw"));
                    return false;
                }
                image.add(total, total, b.data(d)); // AMI stores a file's blocks in order
                total += b.dataSize();
                off = b.end() + sig;
            }
            Optional<ByteSlice> joined = image.joinWithin(blob, walk, off, "AMI BIOS Guard file " + f.name() + ": its blocks");
            if (joined.isPresent()) {
                walk.explore(blob.child(joined.get(), "AMI PFAT " + OutputFolder.sanitise(f.name())
                        + " (" + image.blocks() + " blocks)"));
            }
        }
        if (off < d.length()) {
            walk.explore(blob.child(d.from(off), "AMI PFAT out-of-band data@" + Hex.offset(off)));
        }
        return h == 0;
    }

    /** The file lines after the title: "flags parameter count ;name"; unreadable lines are skipped. */
    private static List<FileEntry> table(ByteSlice text) {
        String[] lines = new String(text.toArray(), StandardCharsets.ISO_8859_1).split("\r\n|\n|\r", -1);
        List<FileEntry> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int semi = lines[i].indexOf(';');
            if (semi < 0) {
                continue;
            }
            String[] info = lines[i].substring(0, semi).trim().split("\\s+", -1);
            if (info.length < 3) {
                continue;
            }
            try {
                int count = Integer.parseInt(info[2]);
                if (count > 0 && count <= 0x10000) {
                    out.add(new FileEntry(lines[i].substring(semi + 1).strip(), count));
                }
            } catch (NumberFormatException e) {
                // not a file line (the table ends in padding); keep the others
            }
        }
        return out;
    }
}
