package io.github.vbios.rom;

/**
 * What the EFI image's payload holds (rom-format.md 1.3, 1.12): the decompressed PE/COFF image's
 * size, hash and header, and the GOP name when the driver is an NVIDIA GOP.
 *
 * @param payloadOffset absolute offset of the payload (EfiImageHeaderOffset)
 * @param payloadLength bytes from there to the end of the image (InitializationSize * 512)
 * @param decompressedSize size of the PE image after decompression, or -1 when it failed
 * @param decompressedSha256 sha256 of the PE image, or null
 * @param peMachine machine type from the PE header, or -1
 * @param peSubsystem subsystem from the PE header, or -1
 * @param pe32Plus true when the optional header is PE32+
 * @param gopName UTF-16 {@code nvgop-...} name found in the image, or null
 * @param error why decoding failed, or null
 */
public record EfiPayload(long payloadOffset, long payloadLength, int compressionType, long decompressedSize,
                         String decompressedSha256, int peMachine, int peSubsystem, boolean pe32Plus,
                         String gopName, String error) {

    public boolean decoded() {
        return error == null && decompressedSize >= 0;
    }

    /** A valid PE32+ for X64: what OVMF can load (verdict uefiCapable). */
    public boolean validX64Pe() {
        return decoded() && pe32Plus && peMachine == EfiRomHeader.MACHINE_X64;
    }

    /** The same facts for an identical payload found at another offset ({@link EfiPayloadMemo}). */
    EfiPayload at(long offset) {
        return offset == payloadOffset ? this : new EfiPayload(offset, payloadLength, compressionType, decompressedSize,
                decompressedSha256, peMachine, peSubsystem, pe32Plus, gopName, error);
    }

    static EfiPayload failed(long off, long len, int compression, String error) {
        return new EfiPayload(off, len, compression, -1, null, -1, -1, false, null, error);
    }
}
