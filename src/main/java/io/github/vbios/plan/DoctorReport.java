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
