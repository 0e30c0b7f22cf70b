package io.github.vbios.io;

/**
 * An error meant for the user, carrying the exit status the command line reports. Rooms throw it
 * for the caller's mistakes and for inputs that cannot be processed at all; anything else is a
 * finding on a result.
 */
public class VbiosException extends RuntimeException {
    /**
     * The exit statuses of DESIGN.md section 2: the one table of them. The command line's
     * {@code --help} footer is made from it, and docs/exit-codes.md repeats its name and meaning
     * columns (ExitCodeDocsTest keeps the two equal). {@link #OK} is never thrown.
     */
    public enum Kind {
        OK(0, "ok", "the command did what was asked"),
        INTERNAL(1, "internal error", "a bug in vbios"),
        USAGE(2, "usage error", "the command line cannot be carried out as written"),
        INVALID_INPUT(3, "invalid or unsupported input", "the input is not what the command reads"),
        NOT_FOUND(4, "nothing found", "the input was read, but holds nothing to act on"),
        PERMISSION(5, "needs root / permission denied", "the operation needs privileges"),
        HOST_NOT_CAPABLE(6, "host not capable", "the host cannot do passthrough as it is"),
        /** An output could not be written (disk full, read-only file system, I/O error); nothing was changed. */
        OUTPUT_IO(7, "output not written",
                "an output could not be written; the message names the file and the system's reason"),
        /** The input could not be fully examined (a limit, the deadline, the heap): never "nothing found". */
        INCOMPLETE(8, "incomplete", "the input could not be fully examined: the answer may be missing something");

        private final int exitCode;
        private final String label;
        private final String meaning;

        Kind(int exitCode, String label, String meaning) {
            this.exitCode = exitCode;
            this.label = label;
            this.meaning = meaning;
        }

        public int exitCode() {
            return exitCode;
        }

        /** The status's name, as docs/exit-codes.md and {@code --help} write it. */
        public String label() {
            return label;
        }

        /** One clause saying when a command ends with this status. */
        public String meaning() {
            return meaning;
        }
    }

    private final Kind kind;

    public VbiosException(Kind kind, String message) {
        this(kind, message, null);
    }

    public VbiosException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        if (kind == Kind.OK) {
            throw new IllegalArgumentException("an error cannot end with status 0: " + message);
        }
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
