package io.github.vbios.firmware;

/** A decoder refused its input (corrupt stream, over a limit); the walk turns it into a finding. */
public final class DecodeFailure extends Exception {
    public DecodeFailure(String message) {
        super(message);
    }
}
