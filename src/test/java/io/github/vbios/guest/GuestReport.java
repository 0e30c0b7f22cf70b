package io.github.vbios.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What /init printed between the markers of the serial log. */
record GuestReport(String text) {
    private static final Pattern READ = Pattern.compile(
            "VBROM (nvidia|nouveau) len=(\\d+) sha256=([0-9a-f]{64}) calls=(\\d+) tailzero=(\\d) pastzero=(\\d)"
            + "(?: slowest_ms=(\\d+))?");

    /**
     * One way of reading _ROM: the driver's name, bytes hashed, their SHA-256, calls made, zero
     * padding, and the slowest single call in milliseconds (-1 when the probe did not say).
     */
    record Read(String driver, long length, String sha256, int calls, boolean tailZero, boolean pastZero,
            long slowestMs) {
    }

    /** Null when the guest never reached the end marker. */
    static GuestReport of(String serial) {
        int b = serial.indexOf("VBIOS-GUEST-BEGIN");
        int e = serial.indexOf("VBIOS-GUEST-END");
        return b >= 0 && e > b ? new GuestReport(serial.substring(b, e)) : null;
    }

    Optional<Read> read(String driver) {
        Matcher m = READ.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(driver)) {
                return Optional.of(new Read(driver, Long.parseLong(m.group(2)), m.group(3),
                        Integer.parseInt(m.group(4)), m.group(5).equals("1"), m.group(6).equals("1"),
                        m.group(7) == null ? -1 : Long.parseLong(m.group(7))));
            }
        }
        return Optional.empty();
    }

    List<String> lines(String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            l = l.strip();
            if (l.startsWith(prefix)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The ACPI path Linux bound to the PCI function with these IDs ("" when it has no node). */
    Optional<String> firmwareNode(int vendor, int device) {
        String ids = String.format("0x%04x:0x%04x", vendor, device);
        for (String l : lines("PCI ")) {
            String[] p = l.split(" ", -1);
            if (p.length >= 3 && p[2].equals(ids)) {
                return Optional.of(p.length > 3 ? p[3] : "");
            }
        }
        return Optional.empty();
    }
}
