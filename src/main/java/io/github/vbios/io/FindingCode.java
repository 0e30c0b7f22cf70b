package io.github.vbios.io;

import java.util.Locale;

/**
 * The stable name of one kind of {@link Finding}: {@code room.kebab-name} (e.g. {@code rom.checksum-invalid}),
 * written to the JSON as {@code "code"} and listed in docs/json.md. Each room has one enum of its
 * codes; logic and tests branch on the code, never on the message, so wording can change freely.
 * The id is made from the enum constant's name, so a constant is never renamed once released
 * (FindingCodesDocTest fails when the documented list and the enums differ).
 */
public interface FindingCode {
    /** The room's prefix: {@code rom}, {@code firmware}, ... */
    String room();

    /** The constant's name, as {@link Enum#name()} gives it ({@code CHECKSUM_INVALID}). */
    String name();

    /** The dotted id, e.g. {@code firmware.limit-total}; never changes once released. */
    default String id() {
        return room() + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
