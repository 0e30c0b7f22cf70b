package io.github.vbios.io;

/** A read past the end of a {@link ByteSlice}: the input is truncated or a length/offset field lies. */
public final class OutOfBoundsException extends RuntimeException {
    private final long offset;
    private final long requested;
    private final long available;

    public OutOfBoundsException(long offset, long requested, long available) {
        super("read of " + requested + " bytes at offset 0x" + Long.toHexString(offset)
                + " is outside the " + available + "-byte input");
        this.offset = offset;
        this.requested = requested;
        this.available = available;
    }

    public long offset() {
        return offset;
    }

    public long requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
