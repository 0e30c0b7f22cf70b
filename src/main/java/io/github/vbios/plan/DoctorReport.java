package io.github.vbios.plan;

import io.github.vbios.io.Finding;
import java.util.List;
import java.util.Optional;

/** What {@code vbios doctor} found: the GPUs (and their sibling functions), the checks, and read problems. */
public record DoctorReport(List<DoctorDevice> devices, List<Check> checks, List<Finding> findings) {
    public DoctorReport {
        devices = List.copyOf(devices);
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /**
     * The report on a GPU that is not on the host ({@code vbios doctor BDF}, exit 4): no devices, and
     * one failed {@code device-found} check saying so, so that {@code --json} still prints a document.
     */
    public static DoctorReport deviceMissing(String device, String message) {
        return new DoctorReport(List.of(), List.of(Check.fail("device-found", device, message,
                "pass an address that lspci -D lists, or none to check every GPU")), List.of());
    }

    /** The host can pass the GPU through as is when no check failed. */
    public boolean capable() {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }

    /** The first check with this id (and device, when given). */
    public Optional<Check> check(String id, String device) {
        return checks.stream().filter(c -> c.id().equals(id) && (device == null || device.equals(c.device())))
                .findFirst();
    }

    public Optional<Check> check(String id) {
        return check(id, null);
    }
}
