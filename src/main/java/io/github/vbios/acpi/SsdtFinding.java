package io.github.vbios.acpi;

import java.util.Objects;

/**
 * Something {@code vbios ssdt} wants the user to act on, with a stable code scripts can test
 * (never the message text).
 *
 * @param code     e.g. {@link #NVIDIA_IMAGES_MISSING}
 * @param severity {@code warning} or {@code info}
 * @param message  the sentence, with what to do
 */
public record SsdtFinding(String code, String severity, String message) {
    /** A layout-A NVIDIA ROM given as its PCI view only: the NVIDIA-only images are not in the tables. */
    public static final String NVIDIA_IMAGES_MISSING = "nvidia-images-missing";
    /** The tables serve the NVIDIA view, which is longer than the PCI view (the romfile). */
    public static final String NVIDIA_VIEW_SERVED = "nvidia-view-served";

    public SsdtFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
