package io.github.vbios.firmware;

/** Looks for option ROMs in bytes the walk cannot open any further (padding, raw sections, leaves). */
@FunctionalInterface
public interface Carver {
    void carve(Blob blob, Walk walk);

    static Carver none() {
        return (blob, walk) -> { };
    }
}
