package io.github.vbios.io;

/**
 * An error meant for the user, carrying the exit status the command line reports. Rooms throw it
 * for the caller's mistakes and for inputs that cannot be processed at all; anything else is a
 * finding on a result.
 */
public class VbiosException extends RuntimeException {
    /** Exit statuses of DESIGN.md section 2. */
    public enum Kind {
        INTERNAL(1), USAGE(2), INVALID_INPUT(3), NOT_FOUND(4), PERMISSION(5), HOST_NOT_CAPABLE(6),
        /** The input could not be fully examined (a limit, the deadline, the heap): never "nothing found". */
        INCOMPLETE(8);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public VbiosException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VbiosException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
