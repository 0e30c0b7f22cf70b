package io.github.vbios.rom.patch;

import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.VbiosException;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.RomView;
import io.github.vbios.rom.ShadowCopy;
import io.github.vbios.rom.X86Checksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code vbios patch}: dump in, romfile out (issue 4). {@link #prepare} cleans, changes IDs and
 * fixes checksums in memory and checks the result against the input; {@link #write} writes it
 * atomically and re-parses the written file before it is moved into place; {@link #check}
 * answers "is this already a correct romfile?".
 */
public final class RomPatcher {
    private RomPatcher() {
    }

    /** Builds the romfile for {@code input} in memory. */
    public static PatchOutcome prepare(ByteSlice input, PatchOptions options) {
        RomAnalysis in = RomAnalyzer.analyze(input);
        refuse(in, options);
        RomfileCleaner.Result cleaned = RomfileCleaner.clean(input, in, options.keepNvidiaImages());
        byte[] bytes = cleaned.bytes();
        Optional<IdPatcher.Result> ids = Optional.empty();
        if (options.setIds()) {
            ids = Optional.of(IdPatcher.patch(bytes, RomAnalyzer.analyze(ByteSlice.of(bytes)), options.vendorId(),
                    options.deviceId()));
        }
        Optional<ChecksumFixer.Result> sums = Optional.empty();
        if (options.fixChecksum()) {
            sums = Optional.of(ChecksumFixer.fix(bytes));
            bytes = sums.get().bytes();
        }
        RomAnalysis out = RomAnalyzer.analyze(ByteSlice.of(bytes));
        List<String> problems = RomfileVerifier.againstInput(in, cleaned.report(), out,
                new RomfileVerifier.PatchOutcomeParts(ids.map(IdPatcher.Result::changes).orElse(List.of()),
                        options.fixChecksum()));
        if (!problems.isEmpty()) {
            throw new VbiosException(VbiosException.Kind.INTERNAL, "the romfile would not match the input: "
                    + String.join("; ", problems) + ". Nothing was written");
        }
        boolean identical = bytes.length == input.length() && Arrays.equals(bytes, input.toArray());
        // the cut itself is verified above; what check() still finds is in the input (a broken checksum)
        List<Finding> warnings = new ArrayList<>(options.keepNvidiaImages() ? List.of() : check(ByteSlice.of(bytes)).problems());
        // what --allow-shadow / --allow-broken-efi let through is said again beside the written file
        in.verdict().shadowCopy().filter(x -> warnings.stream().noneMatch(w -> w.is(RomCode.SHADOW_COPY)))
                .ifPresent(x -> warnings.add(shadowReason(x)));
        return new PatchOutcome(cleaned.report(), ids, sums, bytes, out, identical, warnings);
    }

    /** A shadow copy or a damaged X64 EFI image is no romfile (issue 15): exit 3 unless the user insists. */
    private static void refuse(RomAnalysis in, PatchOptions options) {
        if (!in.isOptionRom()) {
            return;
        }
        if (in.verdict().shadowCopySuspect() && !options.allowShadow()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "this is " + in.verdict().shadow().sentence()
                    + ". Nothing was written. Way out: " + ShadowCopy.wayOutLine(null)
                    + ". To write it anyway: --allow-shadow");
        }
        if (in.verdict().efiDamaged() && !options.allowBrokenEfi()) {
            throw new VbiosException(VbiosException.Kind.INVALID_INPUT, "the dump is damaged: "
                    + damage(in) + ". Dump the ROM again or download it again. Nothing was written; "
                    + "to write it anyway: --allow-broken-efi");
        }
    }

    private static String damage(RomAnalysis a) {
        return a.verdict().problem(RomCode.EFI_DAMAGED).map(Finding::message)
                .map(w -> w.replace(": the dump is damaged; dump the ROM again or download it again", "")).orElse("an X64 EFI image does not decode");
    }

    static Finding shadowReason(ShadowCopy s) {
        return problem(RomCode.SHADOW_COPY, "this is " + s.sentence() + "; way out: " + ShadowCopy.wayOutLine(null));
    }

    /** A reason of {@link #check} (not tied to one offset: the sentence says where). */
    private static Finding problem(RomCode code, String sentence) {
        return Finding.warning(code, -1, sentence);
    }

    /**
     * Writes the romfile to {@code target} through {@link AtomicWrite}: the temporary file is read back
     * and re-parsed (romfile-ready, same images, same checksums) before the rename; on any difference
     * nothing is left behind. Refuses to write over {@code input}.
     */
    public static void write(PatchOutcome outcome, Path target, boolean force, Path input) throws IOException {
        AtomicWrite.write(target, outcome.bytes(), force, Inputs.of(input),
                tmp -> verifyWritten(Files.readAllBytes(tmp), outcome, target.toString()));
    }

    /**
     * The same re-parse on bytes about to go to standard output ({@code -o -}), where there is no
     * temporary file to read back.
     */
    public static void verifyWritten(byte[] written, PatchOutcome outcome, String target) {
        List<String> problems = RomfileVerifier.againstWritten(ByteSlice.of(written), outcome);
        if (!problems.isEmpty()) {
            throw new VbiosException(VbiosException.Kind.INTERNAL, "the written romfile failed validation ("
                    + String.join("; ", problems) + "); " + target + " was not written");
        }
    }

    /** Is {@code file} already a correct romfile? Reasons say why not. */
    public static RomfileCheck check(ByteSlice file) {
        RomAnalysis a = RomAnalyzer.analyze(file);
        List<Finding> reasons = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        if (!a.isOptionRom()) {
            reasons.add(problem(a.notARomCode(), a.notARomReason()));
            return new RomfileCheck(false, reasons, notes, a);
        }
        RomView pci = a.pciView();
        if (pci.start() > 0) {
            reasons.add(problem(RomCode.LEADING_DATA, pci.start() + " bytes (" + a.container().kind().description() + ") before the first 55 AA at "
                    + Hex.offset(pci.start()) + ": OVMF and SeaBIOS need the file to start with 55 AA"));
        }
        if (pci.truncated()) {
            reasons.add(problem(RomCode.CHAIN_TRUNCATED, "the PCI chain is truncated: it claims bytes past the end of the file"));
        } else if (!pci.complete() && pci.end() >= file.length()) {
            reasons.add(problem(RomCode.CHAIN_ENDS_AT_EOF,
                    "the PCI chain ends at the end of the file although its last image says more images follow"));
        } else if (!pci.complete()) {
            reasons.add(problem(RomCode.CHAIN_INCOMPLETE, "the PCI chain ends without a last-image flag at " + Hex.offset(pci.end())));
        }
        if (pci.end() < file.length()) {
            reasons.add(problem(RomCode.TRAILING_DATA, (file.length() - pci.end()) + " bytes after the end of the PCI view at "
                    + Hex.offset(pci.end()) + " (they enlarge the ROM BAR to " + CleanReport.pow2ceil(file.length()) + " bytes)"));
        }
        a.verdict().shadowCopy().ifPresent(x -> reasons.add(shadowReason(x)));
        if (a.verdict().efiDamaged()) {
            reasons.add(problem(RomCode.EFI_DAMAGED, "the dump is damaged: " + damage(a) + "; dump the ROM again or download it again"));
        }
        for (X86Checksum c : ChecksumFixer.pciChecksums(a)) {
            if (!c.valid()) {
                reasons.add(problem(RomCode.CHECKSUM_INVALID, "x86 image at " + Hex.offset(c.imageOffset()) + ": checksum over the "
                        + c.rule() + " range is not zero; run vbios patch --fix-checksum"));
            } else if (!c.seabiosAccepts()) {
                reasons.add(problem(RomCode.SEABIOS_CHECKSUM_INVALID, "x86 image at " + Hex.offset(c.imageOffset()) + ": the byte 2 range ("
                        + c.byte2Length() + " bytes) does not sum to zero, SeaBIOS rejects it; run vbios patch --fix-checksum"));
            }
            if (c.npdeLength() > 0 && c.npdeSum() > 0) {
                notes.add(Finding.info(RomCode.NPDE_CHECKSUM_INVALID, -1, "x86 image at " + Hex.offset(c.imageOffset())
                        + ": the NPDE range does not sum to zero (a modded ROM; nouveau would down-score it, QEMU does not care)"));
            }
        }
        return new RomfileCheck(reasons.isEmpty(), reasons, notes, a);
    }
}
