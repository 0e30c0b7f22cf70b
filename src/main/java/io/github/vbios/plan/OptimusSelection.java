package io.github.vbios.plan;

import io.github.vbios.host.PciDevice;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Hex;
import io.github.vbios.rom.SubsystemIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Step 2 of {@code vbios optimus} (issue 8): pick the dGPU's ROM. By {@code --pick N}, else by
 * {@code --ids}, else by the host's NVIDIA device, else the only candidate; anything else is
 * ambiguous and the caller lists the candidates (exit 4). Laptop images often hold 2-4 SKUs,
 * sometimes two variants with the same IDs, so an ID match can still leave several.
 *
 * @param chosen   the ROM to use, or null when none or several remain
 * @param remaining the candidates still in the running when {@code chosen} is null
 * @param reason   how the choice was made, or why it could not be
 * @param warnings e.g. the subsystem IDs of ROM and host device differ, each with its {@link PlanCode}
 */
public record OptimusSelection(OptimusCandidate chosen, List<OptimusCandidate> remaining, String reason,
                               List<Finding> warnings, boolean incomplete) {
    public OptimusSelection(OptimusCandidate chosen, List<OptimusCandidate> remaining, String reason,
                            List<Finding> warnings) {
        this(chosen, remaining, reason, warnings, false);
    }

    /**
     * The candidates the choice runs over: the dGPU ROMs, or the integrated GPU's ROMs when
     * {@code --ids} names one of them and no dGPU ROM (issue 15: an image holding only Intel ROMs
     * has no dGPU ROM, as {@code extract} says; only an explicit {@code --ids} uses the iGPU's).
     */
    public static List<OptimusCandidate> pool(OptimusSource.Found found, int[] ids) {
        if (ids != null && byIds(found.candidates(), ids[0], ids[1]).isEmpty()
                && !byIds(found.integrated(), ids[0], ids[1]).isEmpty()) {
            return found.integrated();
        }
        return found.candidates();
    }

    /** Chooses among {@link #pool}; with no dGPU ROM and no {@code --ids} naming another, nothing (exit 4). */
    public static OptimusSelection choose(OptimusSource.Found found, int[] ids, Integer pick, PciDevice host) {
        List<OptimusCandidate> pool = pool(found, ids);
        if (pool.isEmpty() && !found.unopened().isEmpty()) {
            String what = found.unopened().get(0) + (found.unopened().size() == 1 ? ""
                    : " (and " + (found.unopened().size() - 1) + " more)");
            return new OptimusSelection(null, List.of(), "incomplete: no dGPU video BIOS in what could be read, but"
                    + " the input could not be fully examined: " + what, new ArrayList<>(), true);
        }
        if (pool.isEmpty() && !found.integrated().isEmpty()) {
            String igpu = found.integrated().stream().map(OptimusCandidate::ids).distinct()
                    .collect(Collectors.joining(", "));
            String reason = ids != null
                    ? "no ROM has the IDs " + Hex.id16(ids[0]) + ":" + Hex.id16(ids[1]) + "; the input only holds"
                    + " integrated-GPU video BIOS (" + igpu + ")"
                    : "no dGPU video BIOS found: the input only holds integrated-GPU video BIOS (" + igpu
                    + "); the dGPU probably has its own flash chip (dump it with vbios dump on the laptop), or pass"
                    + " --ids " + found.integrated().get(0).ids() + " to use the integrated GPU's ROM anyway";
            return new OptimusSelection(null, List.of(), reason, new ArrayList<>());
        }
        return choose(pool, ids, pick, host);
    }

    public static OptimusSelection choose(List<OptimusCandidate> all, int[] ids, Integer pick, PciDevice host) {
        List<Finding> warnings = new ArrayList<>();
        if (all.isEmpty()) {
            return new OptimusSelection(null, all, "no video BIOS found in the input", warnings);
        }
        if (pick != null) {
            if (pick < 1 || pick > all.size()) {
                return new OptimusSelection(null, all, "--pick " + pick + (all.size() == 1
                        ? ": there is only 1 candidate" : " is not one of the " + all.size() + " candidates"), warnings);
            }
            return done(all.get(pick - 1), "candidate " + pick + " (--pick)", host, warnings);
        }
        List<OptimusCandidate> left = all;
        String by;
        if (ids != null) {
            left = byIds(all, ids[0], ids[1]);
            by = "--ids " + Hex.id16(ids[0]) + ":" + Hex.id16(ids[1]);
            if (left.isEmpty()) {
                return new OptimusSelection(null, all, "no candidate has the IDs " + by.substring(6), warnings);
            }
        } else if (host != null) {
            left = byIds(all, host.vendorId(), host.deviceId());
            by = "the host's GPU " + host.address() + " (" + Hex.id16(host.vendorId()) + ":"
                    + Hex.id16(host.deviceId()) + ")";
            if (left.isEmpty()) {
                warnings.add(PlanCode.HOST_IDS_UNMATCHED.note("no candidate has the IDs of " + by + "; choosing among all of them"));
                left = all;
            }
        } else {
            by = "the only video BIOS found";
        }
        if (left.size() == 1) {
            return done(left.get(0), by, host, warnings);
        }
        return several(left, by, ids == null && host == null, host, warnings);
    }

    /**
     * Several remain. The host GPU's subsystem IDs decide where the ROMs carry different ones.
     * Copies of one build (same IDs, subsystem, version and size) where only some pass their x86
     * checksums are not equivalent to the intact ones: the damaged or patched copies drop out.
     * Otherwise nothing is chosen, and the sentence says how they differ and asks for {@code --pick}
     * only when {@code --ids} cannot tell them apart (issue 15: no loop back to --ids).
     */
    private static OptimusSelection several(List<OptimusCandidate> left, String by, boolean unnarrowed,
                                            PciDevice host, List<Finding> warnings) {
        if (host != null && host.hasValidSubsystem()) {
            SubsystemIds hostIds = new SubsystemIds(host.subsystemVendorId(), host.subsystemDeviceId());
            List<OptimusCandidate> sub = left.stream()
                    .filter(c -> c.rom().subsystem().filter(hostIds::equals).isPresent()).toList();
            if (sub.size() == 1) {
                return done(sub.get(0), by + " and its subsystem IDs " + sub.get(0).subsystem(), host, warnings);
            }
            left = sub.isEmpty() ? left : sub;
        }
        boolean oneBuild = left.stream().map(OptimusSelection::build).distinct().count() == 1;
        List<OptimusCandidate> intact = left.stream().filter(c -> c.rom().checksumValid()).toList();
        if (oneBuild && intact.size() == 1) {
            String others = left.stream().filter(c -> c.number() != intact.get(0).number()).map(c -> String.valueOf(c.number()))
                    .collect(Collectors.joining(", "));
            return done(intact.get(0), by + "; candidate " + intact.get(0).number() + " is the only copy of this build ("
                    + "same IDs, subsystem, version and size) whose x86 checksums are valid: " + others
                    + (others.contains(",") ? " fail theirs" : " fails its") + " (damaged or patched); --pick overrides",
                    host, warnings);
        }
        String what = unnarrowed ? left.size() + " video BIOS candidates" : left.size() + " candidates match " + by;
        boolean sameIds = left.stream().map(OptimusCandidate::ids).distinct().count() == 1;
        if (sameIds && unnarrowed) {
            what = left.size() + " video BIOS candidates have the IDs " + left.get(0).ids();
        }
        if (!sameIds) {
            return new OptimusSelection(null, left, what + ": choose one with --ids VVVV:DDDD or --pick N", warnings);
        }
        List<String> diffs = CandidateDiff.among(left).stream().map(CandidateDiff::describe).toList();
        String checks = intact.size() == left.size() ? "all pass their x86 checksums"
                : intact.isEmpty() ? "none passes its x86 checksums" : "several pass their x86 checksums";
        String picks = left.stream().map(c -> "--pick " + c.number()).collect(Collectors.joining(" or "));
        return new OptimusSelection(null, left, what + " and are not copies of one ROM (" + String.join("; ", diffs)
                + "; " + checks + "), so vbios cannot tell which one this machine uses: compare where each lies"
                + " (listed above) and choose with " + picks, warnings);
    }

    /** What makes two candidates the same build: IDs, subsystem IDs, version and size. */
    private static String build(OptimusCandidate c) {
        return c.ids() + "/" + c.subsystem() + "/" + c.rom().version() + "/" + c.size();
    }

    private static List<OptimusCandidate> byIds(List<OptimusCandidate> all, int vendor, int device) {
        return all.stream().filter(c -> c.rom().vendorId() == vendor && c.rom().deviceId() == device).toList();
    }

    /** Chosen; warns when ROM and host device both know subsystem IDs and they differ. */
    private static OptimusSelection done(OptimusCandidate c, String by, PciDevice host, List<Finding> warnings) {
        Optional<SubsystemIds> sub = c.rom().subsystem();
        if (host != null && sub.isPresent() && host.hasValidSubsystem()
                && !sub.get().equals(new SubsystemIds(host.subsystemVendorId(), host.subsystemDeviceId()))) {
            warnings.add(PlanCode.SUBSYSTEM_DIFFERS.note("the ROM's subsystem IDs " + c.subsystem() + " differ from the host GPU's "
                    + Hex.id16(host.subsystemVendorId()) + ":" + Hex.id16(host.subsystemDeviceId())
                    + ": it may be another laptop model's VBIOS; the VM gets the host's IDs"));
        }
        return new OptimusSelection(c, List.of(c), by, warnings);
    }
}
