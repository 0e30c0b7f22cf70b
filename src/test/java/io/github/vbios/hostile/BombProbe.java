package io.github.vbios.hostile;

import io.github.vbios.firmware.ExternalTools;
import io.github.vbios.firmware.Extraction;
import io.github.vbios.firmware.Extractor;
import io.github.vbios.firmware.Limits;
import io.github.vbios.io.ByteSlice;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary: times the bombs. */
public final class BombProbe {
    public static void main(String[] a) throws Exception {
        for (String f : a[1].split(",")) {
            int depth = f.startsWith("crc") ? 1000 : f.startsWith("zips") ? 2000 : 32;
            byte[] in = Files.readAllBytes(Path.of(a[0], f));
            long t = System.nanoTime();
            Extraction x = Extractor.run(ByteSlice.of(in), f, new Limits(depth, Limits.GIB, 64 * Limits.MIB, 10_000),
                    ExternalTools.none());
            System.out.printf("%s %.2fs decoded=%d incomplete=%s findings=%d containers=%d%n", f, (System.nanoTime() - t) / 1e9,
                    x.decodedBytes(), x.incomplete(), x.findings().size(), x.containers().size());
            x.findings().stream().filter(l -> l.finding().code() != null).forEach(l -> System.out.println("  " + l.finding().code() + ": " + l.finding().message()));
        }
    }
}
