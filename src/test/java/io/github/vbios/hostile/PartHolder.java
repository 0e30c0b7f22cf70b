package io.github.vbios.hostile;

import io.github.vbios.io.AtomicWrite;
import io.github.vbios.io.Inputs;
import io.github.vbios.io.OutputFolder;
import java.nio.file.Path;

/**
 * Child-JVM main for {@link SignalLeftoverTest}: holds vbios work files (one atomic write
 * stopped before its rename, or a staged output folder before its commit), says READY, and
 * waits for the signal.
 */
public final class PartHolder {
    private PartHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("file")) {
            AtomicWrite.write(target, new byte[1 << 20], false, Inputs.none(), tmp -> ready());
        } else {
            try (OutputFolder out = OutputFolder.begin(target, false, Inputs.none())) {
                out.write("a.rom", new byte[1 << 20]);
                out.folder("ssdt").write("b.aml", new byte[4096]);
                ready();
            }
        }
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
