import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareBuilder.Compression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds an 8 MiB BIOS image laid out like an AMI Aptio V update's .rom (the BIOS region, as
 * vendors ship it without descriptor and ME), for bench/all.sh (no real one may be redistributed):
 * an NVRAM-like volume, erased space, a PEI volume of uncompressed PE32 modules and the main DXE volume whose one file
 * holds an LZMA-compressed nested volume of a few hundred DXE drivers (PE32 + UI sections), a GOP
 * driver and the option ROMs (NVIDIA VBIOS from the corpus when given, an Intel VBIOS). Driver
 * bodies mix random bytes with repeated code-like runs, so LZMA packs them about as well as real
 * drivers (~40%).
 * Usage: java -cp target/vbios.jar bench/AptioImage.java OUT [NVIDIA_ROM]
 */
public final class AptioImage {
    private static final int TOTAL = 8 << 20;

    public static void main(String[] args) throws Exception {
        Random rnd = new Random(0x417710L);
        List<byte[]> dxe = new ArrayList<>();
        int inner = 0;
        for (int i = 0; inner < 7_000_000; i++) {
            byte[] f = FirmwareBuilder.ffsFile(guid(rnd), 0x07, FirmwareBuilder.sections(
                    FirmwareBuilder.pe32Section(module(rnd, 8_000 + rnd.nextInt(40_000))),
                    FirmwareBuilder.uiSection("Driver" + i)));
            dxe.add(f);
            inner += f.length;
        }
        byte[] nvidia = args.length > 1 ? Files.readAllBytes(Path.of(args[1]))
                : FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0xE000);
        dxe.add(FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, nvidia));
        dxe.add(FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, FirmwareBuilder.optionRom(0x8086, 0x0406, 0x030000, 0x10000)));
        byte[] innerFv = FirmwareBuilder.volume(dxe.toArray(new byte[0][]));
        byte[] dxeFile = FirmwareBuilder.ffsFile(FirmwareBuilder.DXE_FILE, 0x0B, FirmwareBuilder.sections(
                FirmwareBuilder.compressionSection(FirmwareBuilder.sections(FirmwareBuilder.fvImageSection(innerFv)),
                        Compression.LZMA)));
        List<byte[]> pei = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pei.add(FirmwareBuilder.ffsFile(guid(rnd), 0x04, FirmwareBuilder.sections(
                    FirmwareBuilder.pe32Section(module(rnd, 4_000 + rnd.nextInt(12_000))))));
        }
        byte[] nvram = FirmwareBuilder.volume(FirmwareBuilder.ffsFile(guid(rnd), 0x02, new byte[0x100]));
        byte[] main = FirmwareBuilder.volume(Guid.FFS_V2, "5C60F367-A505-419A-859E-2A4FF6CA6FE5", dxeFile);
        byte[] peiFv = FirmwareBuilder.volume(pei.toArray(new byte[0][]));
        int free = TOTAL - nvram.length - main.length - peiFv.length;
        if (free < 0) {
            throw new IllegalStateException("volumes exceed 8 MiB by " + -free);
        }
        byte[] erased = new byte[free];
        java.util.Arrays.fill(erased, (byte) 0xFF);
        byte[] image = FirmwareBuilder.concat(nvram, erased, main, peiFv);
        Files.write(Path.of(args[0]), image);
        System.out.printf("%s: %d bytes (DXE drivers %d, nested volume %d -> %d LZMA)%n",
                args[0], image.length, dxe.size() - 2, innerFv.length, dxeFile.length);
    }

    /** A PE32-looking module: MZ/PE headers, then random bytes with repeated runs (~40% after LZMA). */
    private static byte[] module(Random rnd, int size) {
        byte[] m = new byte[size];
        byte[] run = new byte[64];
        rnd.nextBytes(run);
        for (int i = 0; i < size; ) {
            int n = Math.min(size - i, 16 + rnd.nextInt(48));
            if (rnd.nextInt(10) < 4) {
                byte[] r = new byte[n];
                rnd.nextBytes(r);
                System.arraycopy(r, 0, m, i, n);
            } else {
                System.arraycopy(run, 0, m, i, Math.min(n, run.length));
            }
            i += n;
        }
        m[0] = 'M';
        m[1] = 'Z';
        m[0x3C] = (byte) 0x80;
        m[0x80] = 'P';
        m[0x81] = 'E';
        m[0x82] = 0;
        m[0x83] = 0;
        return m;
    }

    private static String guid(Random rnd) {
        return String.format("%08X-%04X-%04X-%04X-%012X", rnd.nextInt(), rnd.nextInt(0x10000), rnd.nextInt(0x10000),
                rnd.nextInt(0x10000), rnd.nextLong() & 0xFFFFFFFFFFFFL);
    }
}
