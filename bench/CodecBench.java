import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.io.ByteSlice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of the codec room on real data: EFI 1.1 decompression of every compressed EFI image
 * in the corpus ROMs, EFI compression of the decoded drivers, and LZMA on OVMF's compressed volume.
 * Not part of the test run. Usage: bench/run-codec-bench.sh [corpus/roms] [seconds per measurement]
 */
public final class CodecBench {
    public static void main(String[] args) throws Exception {
        Path roms = Path.of(args.length > 0 ? args[0] : "../shared/corpus/roms");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        List<ByteSlice> payloads = efiPayloads(roms);
        if (payloads.isEmpty()) {
            System.err.println("no compressed EFI images found under " + roms + " (pass the corpus roms folder)");
            System.exit(4);
        }
        long in = 0;
        long out = 0;
        List<byte[]> drivers = new ArrayList<>();
        for (ByteSlice p : payloads) {
            byte[] d = EfiDecompressor.decompress(p, EfiCompressionVariant.EFI_1_1, 16 << 20);
            drivers.add(d);
            in += p.u32(0) + 8;
            out += d.length;
        }
        System.out.printf("corpus: %d compressed EFI images, %d bytes compressed -> %d bytes%n", payloads.size(), in, out);
        measure("EFI 1.1 decompress (corpus)", seconds, out, () -> {
            for (ByteSlice p : payloads) {
                EfiDecompressor.decompress(p, EfiCompressionVariant.EFI_1_1, 16 << 20);
            }
        });
        for (EfiCompressionVariant v : EfiCompressionVariant.values()) {
            long packed = drivers.stream().mapToLong(d -> EfiCompressor.compress(d, v).length).sum();
            System.out.printf("EfiCompressor %-7s: %d -> %d bytes (%.1f%%; original vendor streams %.1f%%)%n", v, out,
                    packed, 100.0 * packed / out, 100.0 * in / out);
            final long total = out;
            measure("EFI compress " + v, seconds, total, () -> {
                for (byte[] d : drivers) {
                    EfiCompressor.compress(d, v);
                }
            });
        }
        Path ovmf = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
        if (Files.isRegularFile(ovmf)) {
            ByteSlice fd = ByteSlice.readFile(ovmf, 64 << 20);
            ByteSlice section = fd.slice(0x90 + 24, fd.u24(0x90) - 24);
            if (section.u8(0) == 0x5D) {
                long size = section.u64(5);
                measure("LZMA decompress (OVMF DXE volume)", seconds, size,
                        () -> Lzma.decompress(section, 64 << 20));
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} for about {@code seconds} after a warm-up; prints output MB/s. */
    static void measure(String name, double seconds, long bytesPerRun, Work work) throws Exception {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < warmEnd) {
            work.run();
        }
        int runs = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end || runs < 3) {
            work.run();
            runs++;
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-36s %8.1f MB/s output (%d runs, %.2f ms/run)%n", name, bytesPerRun * runs / s / 1e6, runs,
                s * 1000 / runs);
    }

    /** Payloads of EFI images (55 AA, EfiSignature 0xEF1, CompressionType 1) at 512-byte steps (rom-format.md 1.3). */
    static List<ByteSlice> efiPayloads(Path roms) throws Exception {
        List<ByteSlice> found = new ArrayList<>();
        if (!Files.isDirectory(roms)) {
            return found;
        }
        try (Stream<Path> files = Files.list(roms)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rom")).sorted().toList()) {
                ByteSlice rom = ByteSlice.readFile(f, 64 << 20);
                for (int off = 0; off + 0x1A <= rom.length(); off += 512) {
                    if (rom.u16(off) == 0xAA55 && rom.u32(off + 4) == 0xEF1 && rom.u16(off + 0x0C) == 1) {
                        ByteSlice img = rom.from(off);
                        int end = Math.min(img.u16(2) * 512, img.length());
                        int start = img.u16(0x16);
                        if (start < end) {
                            found.add(img.slice(start, end - start));
                        }
                    }
                }
            }
        }
        return found;
    }
}
