package io.github.vbios.io;

/**
 * The stable name of one kind of {@link Finding}: {@code room.kebab-name} (e.g. {@code rom.checksum-invalid}),
 * written to the JSON as {@code "code"} and listed in docs/json.md. Each room has one enum of its
 * codes; logic and tests branch on the code, never on the message, so wording can change freely.
 */
public interface FindingCode {
    /** The dotted id, e.g. {@code firmware.limit-total}; never changes once released. */
    String id();
}
