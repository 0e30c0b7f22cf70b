package io.github.vbios.host;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.InputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the host's own ACPI {@code _ROM(offset, length)} of a GPU through the {@code acpi_call}
 * module ({@code /proc/acpi/call}): the route for laptop dGPUs without ROM BAR (acpi-vm.md 4 #11,
 * lion328's {@code dump_vbios_rom_acpi}). Reads small chunks (acpi_call prints each byte as
 * {@code 0xNN, }, and its answer buffer is small) until the end of the option ROM chain
 * (rom-format.md 1.1: image length at PCIR+0x10 in 512-byte units, last-image bit 0x80 at
 * PCIR+0x15), or the limit.
 */
public final class AcpiCallRomAccess implements RomAccess {
    /** Bytes per {@code _ROM} call; 256 bytes print as about 1.5 KB of text. */
    static final int CHUNK = 0x100;
    /** Laptop VBIOS images are at most 1 MiB. */
    static final int MAX = 1 << 20;

    /** One request/answer exchange with acpi_call. */
    @FunctionalInterface
    public interface Transport {
        String call(String request) throws IOException;
    }

    private final String method;
    private final Transport transport;

    /** {@code acpiPath} is the device's {@code firmware_node/path}, e.g. {@code \_SB_.PCI0.PEG0.PEGP}. */
    public AcpiCallRomAccess(String acpiPath, Transport transport) {
        this.method = acpiPath + "._ROM";
        this.transport = transport;
    }

    /** The real module: write the request to {@code /proc/acpi/call}, read the answer back. */
    public static Transport proc(Path procCall) {
        return request -> {
            if (!Files.exists(procCall)) {
                throw new RomAccessException(RomRead.Failure.ACPI_CALL_MISSING, procCall
                        + ": acpi_call is not loaded (sudo modprobe acpi_call)");
            }
            InputFiles.requireRegular(procCall);
            Files.write(procCall, request.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
            // one answer is at most a 4 KiB buffer printed as text ("{0x55, 0xaa, ...}")
            return new String(InputFiles.read(procCall, 1 << 20), StandardCharsets.ISO_8859_1);
        };
    }

    @Override
    public void enable() {
        // ACPI needs no enabling
    }

    @Override
    public byte[] read(int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int max = Math.min(limit, MAX);
        long end = -1;
        for (int off = 0; off < max && (end < 0 || off < end); off += CHUNK) {
            byte[] chunk = parse(transport.call(String.format(Locale.ROOT, "%s 0x%x 0x%x", method, off, CHUNK)));
            out.write(chunk);
            if (chunk.length < CHUNK) {
                break;
            }
            end = chainEnd(out.toByteArray());
            if (end == 0) {
                break;
            }
        }
        byte[] all = out.toByteArray();
        return end > 0 && end < all.length ? Arrays.copyOf(all, (int) end) : all;
    }

    @Override
    public void disable() {
        // nothing was enabled
    }

    /** acpi_call prints a Buffer as {@code {0x55, 0xaa, ...}} and failures as {@code Error: AE_...}. */
    static byte[] parse(String answer) throws IOException {
        String t = answer == null ? "" : answer.replace("\0", "").trim();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            String quoted = "acpi_call answered '" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
            // acpi_call's own answer format: "Error: AE_NOT_FOUND" when the method does not exist
            if (t.startsWith("Error:") && t.contains("AE_NOT_FOUND")) {
                throw new RomAccessException(RomRead.Failure.ACPI_NOT_FOUND, quoted + " instead of a buffer");
            }
            throw new IOException(quoted + " instead of a buffer");
        }
        String body = t.substring(1, t.length() - 1).trim();
        if (body.isEmpty()) {
            return new byte[0];
        }
        String[] parts = body.split(",", MAX);
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            String d = p.startsWith("0x") || p.startsWith("0X") ? p.substring(2) : p;
            if (d.isEmpty() || d.length() > 2 || !d.chars().allMatch(SysfsFiles::isHexDigit)) {
                throw new IOException("acpi_call answered a buffer with '" + SysfsFiles.shorten(p) + "' in it");
            }
            b[i] = (byte) Integer.parseInt(d, 16);
        }
        return b;
    }

    /**
     * The end of the 55 AA/PCIR chain in {@code buf}: -1 when more bytes are needed to tell, 0 when
     * {@code buf} does not start with an option ROM (stop reading).
     */
    static long chainEnd(byte[] buf) {
        ByteSlice b = ByteSlice.of(buf);
        long at = 0;
        for (int images = 0; images < 64; images++) {
            if (!b.contains(at, 0x1A)) {
                return -1;
            }
            if (b.u16(at) != 0xAA55) {
                return at == 0 ? 0 : at;
            }
            long pcir = at + b.u16(at + 0x18);
            if (!b.contains(pcir, 0x16)) {
                return -1;
            }
            long len = b.u16(pcir + 0x10) * 512L;
            if (!b.matchesAscii(pcir, "PCIR") || len == 0) {
                return at == 0 ? 0 : at;
            }
            at += len;
            if ((b.u8(pcir + 0x15) & 0x80) != 0) {
                return at;
            }
        }
        return at;
    }
}
