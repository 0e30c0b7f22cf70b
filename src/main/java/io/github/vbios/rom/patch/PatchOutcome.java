package io.github.vbios.rom.patch;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.rom.RomAnalysis;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@link RomPatcher#prepare} produced, before anything is written.
 *
 * @param clean what was cut and why (offsets in the input)
 * @param ids the PCIR ID changes (offsets in the romfile), when --set-ids was given
 * @param checksums before/after of the three ranges and the bytes changed, when --fix-checksum was given
 * @param bytes the romfile
 * @param output the analysis of {@code bytes}: what the written file must re-parse to
 * @param identicalToInput the romfile is byte-for-byte the input (an already clean romfile)
 * @param problems what is still wrong with the romfile (a checksum SeaBIOS rejects without --fix-checksum, ...),
 *                 each with its {@code RomCode}
 */
// the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
@SuppressWarnings("ArrayRecordComponent")
public record PatchOutcome(CleanReport clean, Optional<IdPatcher.Result> ids, Optional<ChecksumFixer.Result> checksums,
                           byte[] bytes, RomAnalysis output, boolean identicalToInput, List<Finding> problems) {
    public PatchOutcome {
        problems = List.copyOf(problems);
    }

    /** The sentences of {@link #problems}, for the user (patch text, JSON {@code warnings}). */
    public List<String> warnings() {
        return Finding.messages(problems);
    }

    public String sha256() {
        return ByteSlice.of(bytes).sha256();
    }
}
