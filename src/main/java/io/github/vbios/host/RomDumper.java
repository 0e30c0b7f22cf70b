package io.github.vbios.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;

/**
 * Reads a ROM through a {@link RomAccess}: enable, read, and disable in a finally block, so the
 * ROM BAR is never left enabled, also after a failed read. Never throws; failures are reported
 * on the {@link RomRead}.
 */
public final class RomDumper {
    /** The largest ROM BAR the PCI spec allows is 16 MiB. */
    public static final int LIMIT = 16 << 20;

    private RomDumper() {
    }

    public static RomRead dump(RomAccess access) {
        try {
            access.enable();
        } catch (AccessDeniedException e) {
            return new RomRead(null, RomRead.Failure.PERMISSION, message(e), false);
        } catch (IOException | RuntimeException e) {
            // enable failed: nothing to disable, but try anyway (the write may have half-worked)
            return new RomRead(null, RomRead.Failure.ENABLE, message(e), !disable(access));
        }
        byte[] bytes = null;
        RomRead.Failure failure = null;
        String detail = null;
        boolean disabled = false;
        RomRestorer restorer = RomRestorer.arm(access);
        try {
            bytes = access.read(LIMIT);
        } catch (AccessDeniedException e) {
            failure = RomRead.Failure.PERMISSION;
            detail = message(e);
        } catch (RomAccessException e) {
            failure = e.failure();
            detail = message(e);
        } catch (IOException | RuntimeException e) {
            failure = RomRead.Failure.READ;
            detail = message(e);
        } finally {
            disabled = restorer.disarm();
        }
        return new RomRead(failure == null ? bytes : null, failure, detail, !disabled);
    }

    static boolean disable(RomAccess access) {
        try {
            access.disable();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        // Files.readAllBytes on EIO says "Input/output error"; keep the kernel's words
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
