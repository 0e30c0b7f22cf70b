package io.github.vbios.firmware;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.ByteSlice;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Entry point of the firmware room: walk an input completely and carve every option ROM. */
public final class Extractor {
    /**
     * Stack for one nesting level of the recursive walk, with room to spare: measured at about
     * 2 KiB for CRC32 section chains and 6 KiB for stored zips in zips (Commons Compress frames).
     */
    static final long STACK_PER_LEVEL = 32 << 10;
    private static final long STACK_BASE = 16L << 20;

    private Extractor() {
    }

    public static Extraction run(ByteSlice input, String name, Limits limits, ExternalTools tools) {
        RomCarver carver = new RomCarver();
        Walk walk = walk(() -> FirmwareExplorer.standard(tools).explore(input, name, limits, carver),
                stackFor(limits.maxDepth()));
        return new Extraction(name, input.length(), input.sha256(), carver.roms(), walk.seen(), walk.findings(),
                walk.decodedBytes(), walk.incompleteReasons());
    }

    /** Stack bytes the walk needs for {@code maxDepth} levels. */
    static long stackFor(int maxDepth) {
        return STACK_BASE + maxDepth * STACK_PER_LEVEL;
    }

    /**
     * Runs the recursive walk on its own thread whose stack fits {@code --max-depth} levels
     * (issue 12.7: the default thread stack overflowed near 1,000 levels), and hands back its
     * result or rethrows what it threw.
     */
    private static Walk walk(Supplier<Walk> body, long stack) {
        AtomicReference<Walk> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) { // rethrown on the caller's thread below
                failure.set(e);
            }
        }, "vbios-walk", stack);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
