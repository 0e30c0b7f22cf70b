package io.github.vbios.sample;

/**
 * The NVIDIA flash containers only tests build (the demo needs NVGI v3 alone): NVGI v1/v2 and
 * Blackwell's NVFW + RFRD v4 around a chain, with the headers of {@link NvidiaContainerBuilder}.
 */
public final class NvidiaDumps {
    private NvidiaDumps() {
    }

    /** NVGI v1 or v2 around {@code chain}, then {@code tailBytes} of 0xFF. */
    public static byte[] nvgi(int version, byte[] chain, int tailBytes) {
        return NvidiaContainerBuilder.wrap(NvidiaContainerBuilder.nvgiHeader(version, chain.length), chain, tailBytes);
    }

    /** NVFW + RFRD v4 around {@code chain}, then {@code tailBytes} of 0xFF. */
    public static byte[] nvfw(byte[] chain, int tailBytes) {
        return NvidiaContainerBuilder.wrap(NvidiaContainerBuilder.nvfwHeader(chain.length), chain, tailBytes);
    }
}
