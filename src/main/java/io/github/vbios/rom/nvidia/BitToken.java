package io.github.vbios.rom.nvidia;

/**
 * One BIT token (rom-format.md 1.11): id, data version, data size and the data pointer as stored
 * (relative to the x86 image) and as rebased to an absolute file offset.
 */
public record BitToken(int id, int dataVersion, int dataSize, int pointer, long absoluteOffset) {
    public char idChar() {
        return (char) id;
    }
}
