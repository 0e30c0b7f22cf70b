package io.github.vbios.plan;

import java.util.Objects;

/**
 * One doctor check: a stable id ({@code iommu-enabled}), its status, the device it is about
 * (null for host-wide checks), a sentence and the exact fix (a command or config line; null when
 * nothing needs doing).
 */
public record Check(String id, CheckStatus status, String device, String message, String fix) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    static Check ok(String id, String device, String message) {
        return new Check(id, CheckStatus.OK, device, message, null);
    }

    static Check warn(String id, String device, String message, String fix) {
        return new Check(id, CheckStatus.WARN, device, message, fix);
    }

    static Check fail(String id, String device, String message, String fix) {
        return new Check(id, CheckStatus.FAIL, device, message, fix);
    }
}
