package io.github.vbios.rom;

/**
 * The three checksum ranges of an x86 image (rom-format.md 1.10). A sum of 0 is valid; -1 means
 * the range runs past the end of the file (sum not computable).
 *
 * @param imageOffset absolute offset of the x86 image
 * @param byte2Length byte 2 * 512: the SeaBIOS/ENVY range
 * @param pcirLength PCIR length * 512: NVIDIA's own rule and Linux/OVMF size
 * @param npdeLength NPDE sub-image length * 512, or -1 when there is no NPDE
 * @param rule which range decides validity: "pcirLength" for NVIDIA, "byte2" otherwise
 * @param valid the sum over the deciding range is 0
 * @param seabiosAccepts SeaBIOS (checksum enforced by default) accepts the image
 */
public record X86Checksum(long imageOffset, long byte2Length, int byte2Sum, long pcirLength, int pcirSum,
                          long npdeLength, int npdeSum, String rule, boolean valid, boolean seabiosAccepts) {
}
