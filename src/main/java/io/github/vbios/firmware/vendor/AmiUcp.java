package io.github.vbios.firmware.vendor;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.EmbeddedFormat;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.firmware.uefi.Decoded;
import io.github.vbios.firmware.uefi.SectionDecoders;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * AMI UCP flasher packages (firmware.md 3, BIOSUtilities ami_ucp_extract; HP SoftPaqs, ASUS and
 * MSI Windows flashers): a {@code @UAF} or {@code @HPU} module holds the other modules, each
 * {tag[4] "@xxx", u32 ModuleSize (header included), u16 Checksum, u8, u8, u8[4]} + {u32
 * CompressSize, u32 OriginalSize} + data. When the two sizes differ the module is EFI/Tiano
 * compressed, and those 8 bytes are exactly the compressed stream's own header. The BIOS sits in
 * {@code @ROM}/{@code @R0n} (often an AMI PFAT package), Insyde kits in {@code @INS}, nested UCPs
 * in {@code @AMI}; every module is explored.
 */
public final class AmiUcp implements EmbeddedFormat {
    private static final byte[][] TAGS = {"@UAF".getBytes(StandardCharsets.US_ASCII),
        "@HPU".getBytes(StandardCharsets.US_ASCII)};
    static final int HEADER = 0x10;
    private static final int SIZES = 8;
    private static final int MAX_MODULES = 4096;

    @Override
    public String kind() {
        return "ami-ucp";
    }

    /**
     * The largest {@code @UAF}/{@code @HPU} module whose first child module tag follows its header
     * (BIOSUtilities' pattern {@code @(UAF|HPU).{12}@}) and whose size fits, or -1.
     */
    @Override
    public int find(ByteSlice d) {
        int best = -1;
        long bestSize = 0;
        for (byte[] tag : TAGS) {
            for (int p = d.indexOf(tag, 0); p >= 0; p = d.indexOf(tag, p + 1)) {
                if (!d.contains(p, HEADER + 1) || d.u8(p + HEADER) != '@') {
                    continue;
                }
                long size = d.u32(p + 4);
                if (size > HEADER && size <= d.length() - p && size > bestSize) {
                    best = p;
                    bestSize = size;
                }
            }
        }
        return best;
    }

    @Override
    public boolean open(Blob blob, int at, Walk walk) {
        ByteSlice d = blob.data();
        ByteSlice ucp = d.slice(at, d.u32(at + 4));
        String main = d.asciiz(at, 4);
        int modules = 0;
        boolean complete = true;
        int off = HEADER;
        while (off < ucp.length() && ucp.u8(off) == '@' && modules < MAX_MODULES) {
            if (!ucp.contains(off, HEADER + SIZES)) {
                walk.finding(blob, Finding.warning(FirmwareCode.UCP_HEADER_TRUNCATED,
                        at + off, "AMI UCP module header at the end is cut short"));
                complete = false;
                break;
            }
            long size = ucp.u32(off + 4);
            if (size < HEADER + SIZES || size > ucp.length() - off) {
                walk.finding(blob, Finding.warning(FirmwareCode.UCP_MODULE_INVALID,
                        at + off, "AMI UCP module " + ucp.asciiz(off, 4) + " size " + size
                        + " does not fit; the rest of the package is scanned raw"));
                complete = false;
                break;
            }
            module(blob, walk, ucp.slice(off, size), at + off);
            modules++;
            off += (int) size;
        }
        walk.seen(blob, "ami-ucp", at, ucp.length(), main, modules + " modules");
        // a package that is the whole blob and parsed to the end needs no raw scan on top
        return at == 0 && modules > 0 && complete;
    }

    private static void module(Blob blob, Walk walk, ByteSlice m, int where) {
        String tag = m.asciiz(0, 4);
        long compressed = m.u32(HEADER);
        long original = m.u32(HEADER + 4);
        ByteSlice raw = m.from(HEADER + SIZES);
        String step = "UCP " + printable(tag) + "@" + Hex.offset(where);
        walk.seen(blob, "ami-ucp module", where, m.length(), tag,
                compressed != original ? "EFI/Tiano compressed, " + original + " bytes" : original + " bytes");
        if (compressed == original) {
            walk.explore(blob.child(raw.clamp(0, original), step));
            return;
        }
        // the module's size fields are the EFI stream header; pad a stream cut short with zeros
        ByteSlice stream = m.from(HEADER);
        if (compressed <= Integer.MAX_VALUE - SIZES && stream.length() < SIZES + compressed
                && SIZES + compressed <= walk.streamCap(stream.length())) {
            stream = ByteSlice.of(Arrays.copyOf(stream.toArray(), (int) (SIZES + compressed)));
        }
        Optional<Decoded> decoded = SectionDecoders.efiOrTiano(blob, where + HEADER, stream, false, walk);
        if (decoded.isPresent()) {
            Decoded out = decoded.get();
            walk.explore(blob.child(out.data(), step + " (" + out.algorithm() + ")"));
        } else {
            walk.explore(blob.child(raw, step + " (undecoded)"));
        }
    }

    /** The tag as text, other bytes shown as '?' (tags are "@" + three ASCII letters or digits). */
    private static String printable(String tag) {
        StringBuilder sb = new StringBuilder(tag.length());
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            sb.append(c >= 0x21 && c <= 0x7E ? c : '?');
        }
        return sb.toString();
    }
}
