package io.github.vbios.rom.nvidia;

import java.util.List;

/**
 * NVIDIA VBIOS identity from the BIT (rom-format.md 1.11). The binary version (token 'B') and the
 * version string (token 'S') are reported separately: they differ on modded ROMs.
 *
 * @param bitOffset absolute offset of the BIT header ({@code FF B8 "BIT"}), or -1 when none
 * @param bitChecksumValid the BIT header bytes sum to 0
 * @param version binary version from token 'B', e.g. 86.04.3D.00.88, or null
 * @param infoVersion the same five bytes from token 'i', or null
 * @param date 'i' token date at +0x0F (MM/DD/YY), or null
 * @param headerDate x86 header date at +0x38, or null
 * @param signOn sign-on string, versionString, copyright, oem*: token 'S' strings, or null
 * @param rebase bytes added to BIT pointers past the x86 image (into the first E0 image)
 */
public record NvidiaIdentity(long bitOffset, boolean bitChecksumValid, List<BitToken> tokens, String version,
                             String infoVersion, String date, String headerDate, String signOn, String versionString,
                             String copyright, String oemString, String oemVendor, String oemProductName,
                             String oemProductRevision, long rebase) {
    public NvidiaIdentity {
        tokens = List.copyOf(tokens);
    }
}
