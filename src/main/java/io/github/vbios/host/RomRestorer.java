package io.github.vbios.host;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Disables the ROM BAR again when the JVM is stopped by SIGINT, SIGTERM or SIGHUP while it is
 * enabled (issue 12.6): a signal runs the shutdown hooks but not the reading thread's finally
 * block. Exactly one of the hook and {@link #disarm()} writes {@code 0}. SIGKILL cannot be caught;
 * then the ROM stays enabled (harmless for the device, but {@code 0} should be written by hand).
 */
final class RomRestorer {
    private final RomAccess access;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;
    private volatile boolean hookDisabled;

    private RomRestorer(RomAccess access) {
        this.access = access;
        this.hook = new Thread(this::onSignal, "vbios-rom-restore");
    }

    /** Registers the hook; the ROM was just enabled. */
    static RomRestorer arm(RomAccess access) {
        RomRestorer r = new RomRestorer(access);
        try {
            Runtime.getRuntime().addShutdownHook(r.hook);
        } catch (IllegalStateException e) {
            // already shutting down: disarm() right after the read still disables
        }
        return r;
    }

    /** Disables the ROM (unless the hook already did) and unregisters the hook; true when it is disabled. */
    boolean disarm() {
        if (!done.compareAndSet(false, true)) {
            return hookDisabled;
        }
        boolean ok = RomDumper.disable(access);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook finds the work done
        }
        return ok;
    }

    private void onSignal() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        hookDisabled = RomDumper.disable(access);
        if (!hookDisabled) {
            // The last words of a dying process: no caller is left to render this.
            System.err.println("vbios: interrupted while the ROM BAR was enabled and it could not be disabled"
                    + access.restoreCommand().map(cmd -> "; restore it with: " + cmd).orElse(""));
            System.err.flush();
        }
    }
}
