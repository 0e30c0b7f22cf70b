package io.github.vbios.host;

import java.util.Optional;

/**
 * The result of one enable/read/disable cycle: the bytes, or why there are none.
 *
 * @param bytes         what the read returned (possibly empty); null when the read failed
 * @param failure       the error of the failed step, null when the read worked
 * @param disableFailed the final disable step failed too (the ROM BAR may stay enabled)
 */
// the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
@SuppressWarnings("ArrayRecordComponent")
public record RomRead(byte[] bytes, Failure failure, String detail, boolean disableFailed) {
    /** Which step failed; the ACPI ones are reads that failed for a cause the user can act on. */
    public enum Failure {
        PERMISSION, ENABLE, READ,
        /** The {@code acpi_call} module is not loaded ({@code /proc/acpi/call} is missing). */
        ACPI_CALL_MISSING,
        /** acpi_call answered {@code AE_NOT_FOUND}: the ACPI node has no {@code _ROM} method. */
        ACPI_NOT_FOUND
    }

    public boolean ok() {
        return failure == null;
    }

    public Optional<byte[]> data() {
        return Optional.ofNullable(bytes);
    }

    /** The read returned 0xFFFF at offset 0: the bus answered with all ones (ROM BAR disabled or locked). */
    public boolean allOnesSignature() {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFF;
    }
}
