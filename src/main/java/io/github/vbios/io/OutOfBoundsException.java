package io.github.vbios.io;

/** A read past the end of a {@link ByteSlice}: the input is truncated or a length/offset field lies. */
public final class OutOfBoundsException extends RuntimeException {
    private final long offset;

    public OutOfBoundsException(long offset, long requested, long available) {
        super("read of " + requested + " bytes at offset 0x" + Long.toHexString(offset)
                + " is outside the " + available + "-byte input");
        this.offset = offset;
    }

    /** Where the read started: the offset the parsers' findings point at. */
    public long offset() {
        return offset;
    }
}
