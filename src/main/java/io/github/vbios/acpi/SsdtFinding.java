package io.github.vbios.acpi;

import java.util.Objects;

/**
 * Something {@code vbios ssdt} wants the user to act on, with a stable code scripts can test
 * (never the message text).
 *
 * @param code     e.g. {@link AcpiCode#NVIDIA_IMAGES_MISSING}
 * @param severity {@code warning} or {@code info}
 * @param message  the sentence, with what to do
 */
public record SsdtFinding(AcpiCode code, String severity, String message) {
    public SsdtFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
