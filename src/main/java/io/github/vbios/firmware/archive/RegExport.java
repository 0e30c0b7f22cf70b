package io.github.vbios.firmware.archive;

import io.github.vbios.firmware.Blob;
import io.github.vbios.firmware.Container;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Walk;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutputFolder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Windows registry exports ({@code regedit /e}): UTF-16LE with a BOM ("Windows Registry Editor
 * Version 5.00") or 8-bit ("REGEDIT4"). Binary values are {@code "Name"=hex:aa,bb,\} with
 * backslash line continuations (also {@code hex(N):}); each one is explored, so a VBIOS exported
 * from the display adapter's class key is found by the carver.
 */
public final class RegExport implements Container {
    static final int MIN_VALUE = 512;

    @Override
    public String kind() {
        return "reg";
    }

    @Override
    public boolean recognises(ByteSlice d) {
        return (d.length() > 4 && d.u8(0) == 0xFF && d.u8(1) == 0xFE && d.u16(2) == 'W')
                || d.matchesAscii(0, "Windows Registry Editor") || d.matchesAscii(0, "REGEDIT4");
    }

    @Override
    public boolean open(Blob blob, Walk walk) {
        ByteSlice d = blob.data();
        boolean utf16 = d.u8(0) == 0xFF && d.u8(1) == 0xFE;
        String text = utf16
                ? d.from(2).string(StandardCharsets.UTF_16LE)
                : d.string(StandardCharsets.ISO_8859_1);
        walk.seen(blob, "reg", 0, d.length(), null, utf16 ? "UTF-16LE" : "8-bit");
        String key = "";
        StringBuilder logical = new StringBuilder();
        int values = 0;
        for (String line : text.split("\r?\n", -1)) {
            String t = line.strip();
            if (logical.length() > 0) {
                logical.append(t);
            } else if (t.startsWith("[") && t.endsWith("]")) {
                key = t.substring(1, t.length() - 1);
                continue;
            } else {
                logical.append(t);
            }
            if (t.endsWith("\\")) {
                logical.setLength(logical.length() - 1);
                continue;
            }
            values += value(blob, key, logical.toString(), walk);
            logical.setLength(0);
        }
        if (values == 0) {
            walk.finding(blob, Finding.info(FirmwareCode.REG_NO_BINARY,
                    -1, "registry export holds no binary value of " + MIN_VALUE + " bytes or more"));
        }
        return true;
    }

    /** One {@code "name"=hex...:} value: decoded and explored when it is large enough; returns 1 if so. */
    private static int value(Blob blob, String key, String line, Walk walk) {
        int eq = line.indexOf("=hex");
        if (eq < 0) {
            return 0;
        }
        int colon = line.indexOf(':', eq);
        if (colon < 0) {
            return 0;
        }
        String name = line.substring(0, eq).replace("\"", "");
        Optional<byte[]> value = hexList(line.substring(colon + 1), walk.limits().maxStream());
        if (value.isEmpty()) {
            walk.warn(blob, FirmwareCode.REG_VALUE_INVALID,
                    -1, "registry value " + name + " is not a valid hex list or is over the size limit");
            return 0;
        }
        byte[] bytes = value.get();
        if (bytes.length < MIN_VALUE) {
            return 0;
        }
        walk.seen(blob, "reg value", -1, bytes.length, key + "\\" + name, null);
        walk.explore(blob.child(ByteSlice.of(bytes), "reg:" + OutputFolder.sanitise(name)));
        return 1;
    }

    /** Parses {@code aa,bb,cc}; empty on a malformed byte or more than {@code max} bytes. */
    public static Optional<byte[]> hexList(String list, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(list.length() / 3 + 1);
        for (String part : list.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > 2 || out.size() >= max) {
                return Optional.empty();
            }
            int hi = Character.digit(p.charAt(0), 16);
            int lo = p.length() == 2 ? Character.digit(p.charAt(1), 16) : 0;
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            out.write(p.length() == 2 ? hi << 4 | lo : hi);
        }
        return Optional.of(out.toByteArray());
    }
}
