package io.github.vbios.rom;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.OutOfBoundsException;
import io.github.vbios.rom.nvidia.BitReader;
import io.github.vbios.rom.nvidia.NvidiaIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyses one file: container, both walks, checksums, identity, verdict. Never throws on bad
 * input; whatever goes wrong becomes a {@link Finding}.
 */
public final class RomAnalyzer {
    private RomAnalyzer() {
    }

    public static RomAnalysis analyze(ByteSlice file) {
        return analyze(file, EfiPayloadMemo.off());
    }

    /** The same, decoding EFI payloads through {@code memo}, the run's memo (e.g. one per `vbios info`). */
    public static RomAnalysis analyze(ByteSlice file, EfiPayloadMemo memo) {
        List<Finding> findings = new ArrayList<>();
        try {
            return analyze(file, memo, findings);
        } catch (OutOfBoundsException e) {
            // every read is bounds-checked; a read that escaped a walker still ends as a finding
            findings.add(Finding.error(RomCode.ANALYSIS_STOPPED,
                    e.offset(), "input ends unexpectedly: " + e.getMessage()));
            Container none = Container.none("analysis stopped: " + e.getMessage());
            return new RomAnalysis(file.length(), none, RomView.empty(), RomView.empty(), Identity.none(), List.of(),
                    Verdict.none(List.of(), null), findings);
        }
    }

    private static RomAnalysis analyze(ByteSlice file, EfiPayloadMemo memo, List<Finding> findings) {
        Container container = ContainerFinder.find(file, findings);
        if (!container.found()) {
            Optional<HeaderProblem> legacy = ImageParser.headerProblem(file, 0, true);
            if (legacy.isPresent() && legacy.get().kind() == HeaderProblem.Kind.NO_PCIR_POINTER) {
                findings.add(Finding.error(RomCode.LEGACY_NO_PCIR, 0, "legacy ROM without PCI data structure: "
                        + legacy.get().text()));
            }
            findings.add(Finding.error(RomCode.NOT_FOUND, -1, container.details()));
            return new RomAnalysis(file.length(), container, RomView.empty(), RomView.empty(), Identity.none(),
                    List.of(), Verdict.none(List.of(), null), findings);
        }
        ImageParser parser = new ImageParser(file, memo);
        RomView pci = PciWalker.walk(parser, container.romStart());
        RomView nvidia = NvidiaWalker.walk(parser, container.romStart(), pci);
        findings.addAll(pci.findings());
        findings.addAll(nvidia.findings());
        List<X86Checksum> checksums = checksums(pci, nvidia);
        Identity identity = identity(file, pci, nvidia, findings);
        Verdict verdict = VerdictRules.decide(file, container, pci, nvidia, checksums);
        return new RomAnalysis(file.length(), container, pci, nvidia, identity, checksums, verdict, findings);
    }

    private static List<X86Checksum> checksums(RomView pci, RomView nvidia) {
        List<X86Checksum> out = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (RomView v : List.of(pci, nvidia)) {
            for (RomImage i : v.images()) {
                if (i.x86Checksum().isPresent() && !seen.contains(i.offset())) {
                    seen.add(i.offset());
                    out.add(i.x86Checksum().get());
                }
            }
        }
        return out;
    }

    private static Identity identity(ByteSlice file, RomView pci, RomView nvidia, List<Finding> findings) {
        List<RomImage> images = pci.isEmpty() ? nvidia.images() : pci.images();
        if (images.isEmpty()) {
            return Identity.none();
        }
        RomImage first = images.stream().filter(RomImage::isX86).findFirst().orElse(images.get(0));
        Optional<NvidiaIdentity> nv = Optional.empty();
        Optional<AmdIdentity> amd = Optional.empty();
        if (first.isX86() && first.vendorId() == Checksums.NVIDIA) {
            long firstE0 = nvidia.images().stream().filter(i -> i.codeType() == CodeType.NVIDIA_FW)
                    .mapToLong(RomImage::offset).findFirst().orElse(-1);
            long size = first.nvidiaLength();
            String headerDate = first.x86Header().map(X86Header::date).orElse(null);
            nv = Optional.of(BitReader.read(file, first.offset(), size, Math.max(size, first.pcirLength()), firstE0,
                    headerDate, findings));
        } else if (first.isX86() && first.vendorId() == 0x1002) {
            // only ATOM BIOSes carry the identity block (SeaBIOS' vgabios-ati.bin does not)
            amd = Optional.of(AmdIdentity.read(file, first.offset(), first.pcirLength()))
                    .filter(x -> x.atomOffset() >= 0 || x.version() != null);
        }
        return new Identity(first.vendorId(), first.deviceId(), nv, amd);
    }
}
