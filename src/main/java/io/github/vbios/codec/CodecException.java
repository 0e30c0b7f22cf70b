package io.github.vbios.codec;

/**
 * Compressed or binary input that cannot be decoded: a data error, never a programming error.
 * The message says what is wrong and where (byte or bit offset in the input), in words a user can act on.
 */
public final class CodecException extends Exception {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
