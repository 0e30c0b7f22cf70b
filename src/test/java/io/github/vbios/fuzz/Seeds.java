package io.github.vbios.fuzz;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiCompressor;
import io.github.vbios.codec.Lzma;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.CabBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.TdkBuilder;
import io.github.vbios.sample.UcpBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small, valid inputs that start the fuzzers deep inside each format (rom-format.md 1.1-1.6,
 * 1.9.1 and 1.12). The seed files under {@code src/test/resources/io/github/vbios/fuzz/} are
 * written by {@link #main}: {@code ./mvnw -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.github.vbios.fuzz.Seeds} (run from the
 * repository root after changing a builder here).
 */
// every ByteBuffer here is a fresh heap buffer (le(), allocate, wrap) whose array starts at offset 0
@SuppressWarnings("ByteBufferBackingArray")
public final class Seeds {
    private Seeds() {
    }

    /** A minimal PE32+ header: MZ, e_lfanew, PE signature, COFF (machine), optional header (subsystem). */
    static byte[] pe(int machine, int subsystem) {
        ByteBuffer b = le(0x200);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        b.putShort(0x84, (short) machine).putShort(0x86, (short) 1).putShort(0x94, (short) 0xF0);
        b.putShort(0x98, (short) 0x20B).putInt(0x98 + 56, 0x200).putShort(0x98 + 68, (short) subsystem);
        byte[] name = "nvgop-fuzz".getBytes(StandardCharsets.UTF_16LE);
        b.position(0x190);
        b.put(name);
        return b.array();
    }

    /** One option-ROM image: header, PCIR (+ NPDE), the given body, padded to 512-byte units. */
    static byte[] image(int codeType, boolean last, byte[] efiPayload) {
        int size = 0x200 + (efiPayload == null ? 0 : (efiPayload.length + 0x1FF) & ~0x1FF);
        ByteBuffer b = le(size);
        b.put(0, (byte) 0x55).put(1, (byte) 0xAA).put(2, (byte) (size / 512));
        int pcir = 0x40;
        if (codeType == 3) {
            b.putShort(2, (short) (size / 512)).putInt(4, 0x0EF1).putShort(8, (short) 11)
                    .putShort(0x0A, (short) 0x8664).putShort(0x0C, (short) 1).putShort(0x16, (short) 0x200);
            b.position(0x200);
            b.put(efiPayload);
        }
        b.putShort(0x18, (short) pcir);
        b.put(pcir, (byte) 'P').put(pcir + 1, (byte) 'C').put(pcir + 2, (byte) 'I').put(pcir + 3, (byte) 'R');
        b.putShort(pcir + 4, (short) 0x10de).putShort(pcir + 6, (short) 0x1fb9).putShort(pcir + 0x0A, (short) 0x18);
        b.put(pcir + 0x0D, (byte) 0x00).put(pcir + 0x0E, (byte) 0x00).put(pcir + 0x0F, (byte) 0x03);
        b.putShort(pcir + 0x10, (short) (size / 512)).put(pcir + 0x14, (byte) codeType)
                .put(pcir + 0x15, (byte) (last ? 0x80 : 0));
        int npde = (pcir + 0x18 + 15) & ~15;
        b.put(npde, (byte) 'N').put(npde + 1, (byte) 'P').put(npde + 2, (byte) 'D').put(npde + 3, (byte) 'E');
        b.putShort(npde + 4, (short) 0x101).putShort(npde + 6, (short) 0x14)
                .putShort(npde + 8, (short) (size / 512)).put(npde + 0x0A, (byte) (last ? 0x80 : 0));
        byte[] out = b.array();
        if (codeType == 0) {
            int sum = 0;
            for (byte x : out) {
                sum += x & 0xFF;
            }
            out[size - 1] = (byte) -sum; // x86 image byte sum 0 (rom-format.md 1.10)
        }
        return out;
    }

    static byte[] legacyRom() {
        return image(0, true, null);
    }

    static byte[] legacyPlusEfiRom() {
        byte[] efi = image(3, true, EfiCompressor.compress(pe(0x8664, 11), EfiCompressionVariant.EFI_1_1));
        return concat(image(0, false, null), efi);
    }

    /** NVGI v1 container (rom-format.md 1.9.1): fixed-data size 0x10, ROM start pointer at 0x14. */
    static byte[] nvgiDump() {
        ByteBuffer h = le(0x400);
        h.put(0, (byte) 'N').put(1, (byte) 'V').put(2, (byte) 'G').put(3, (byte) 'I');
        h.putInt(4, (0x10 << 16) | (1 << 8)).putInt(0x10, 0xE208).putInt(0x14, 0x400);
        return concat(h.array(), legacyPlusEfiRom(), new byte[0x200]);
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] pe = pe(0x8664, 11);
        m.put("RomFuzzTest/analyze/legacy", legacyRom());
        m.put("RomFuzzTest/analyze/legacy-efi", legacyPlusEfiRom());
        m.put("RomFuzzTest/analyze/nvgi-v1", nvgiDump());
        m.put("CodecFuzzTest/efi/efi11", prefix(0, EfiCompressor.compress(pe, EfiCompressionVariant.EFI_1_1)));
        m.put("CodecFuzzTest/efi/tiano", prefix(1, EfiCompressor.compress(pe, EfiCompressionVariant.TIANO)));
        m.put("CodecFuzzTest/lzma/pe", Lzma.compress(pe));
        m.put("CodecFuzzTest/pe/pe32plus", pe);
        byte[] rom = FirmwareBuilder.optionRom(0x10DE, 0x0648, 0x030000, 0x800);
        byte[] fv = FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, rom));
        byte[] nested = FirmwareBuilder.volume(FirmwareBuilder.ffsFile(FirmwareBuilder.DXE_FILE, 0x05,
                FirmwareBuilder.sections(FirmwareSamples.compressionSection(
                        FirmwareBuilder.sections(FirmwareBuilder.fvImageSection(fv)), FirmwareSamples.Compression.LZMA))));
        String fw = "firmware:FirmwareJazzerTest/";
        m.put(fw + "volumes/fv-rom", fv);
        m.put(fw + "volumes/fv-lzma-fv", nested);
        m.put(fw + "volumes/fv-tiano", FirmwareBuilder.volume(FirmwareBuilder.ffsFile(FirmwareBuilder.DXE_FILE, 0x02,
                FirmwareBuilder.sections(FirmwareSamples.tianoGuidSection(FirmwareBuilder.sections(
                        FirmwareBuilder.rawSection(rom)))))));
        m.put(fw + "capsuleAndDescriptor/efi-capsule", FirmwareWrappers.capsule(FirmwareWrappers.EFI_CAPSULE, fv));
        m.put(fw + "capsuleAndDescriptor/ami-capsule", FirmwareWrappers.amiCapsule(fv));
        m.put(fw + "capsuleAndDescriptor/descriptor", FirmwareBuilder.descriptorImage(fv, 0x1000));
        m.put(fw + "reg/display-key", FirmwareWrappers.regExport(
                "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000",
                "VBIOS", rom));
        m.put(fw + "archives/zip", FirmwareWrappers.zip("bios.bin", fv));
        m.put(fw + "archives/7z", FirmwareWrappers.sevenZ("bios.bin", fv));
        m.put(fw + "archives/gzip", FirmwareWrappers.gzip(fv));
        m.put(fw + "archives/xz", FirmwareWrappers.xz(fv));
        m.put(fw + "dellAndZlib/dell-hdr", FirmwareWrappers.dellHdr(fv));
        m.put(fw + "dellAndZlib/zlib", FirmwareWrappers.zlib(fv));
        m.put(fw + "extractor/nested", FirmwareWrappers.capsule(FirmwareWrappers.EFI_CAPSULE, nested));
        m.put(fw + "extractor/dell-bios-guard", BiosGuardBuilder.dellBiosGuardPfs(fv, 0x200, 3));
        m.put(fw + "extractor/ami-pfat", BiosGuardBuilder.amiPfat(0x200, new String[] {"BIOS"}, new byte[][] {fv}));
        m.put(fw + "extractor/ami-ucp", UcpBuilder.ucp("@UAF", UcpBuilder.compressed("@ROM", fv,
                EfiCompressionVariant.EFI_1_1)));
        m.put(fw + "extractor/cab", CabBuilder.cab(Map.of("bios.bin", fv), true));
        m.put(fw + "extractor/tdk", TdkBuilder.exe(Map.of("BIOS.WPH", fv), true));
        m.put("HostFuzzTest/sysfs/class", "0x030200\n\u0003".getBytes(StandardCharsets.UTF_8));
        m.put("HostFuzzTest/sysfs/resource", ("0x00000000a3000000 0x00000000a3ffffff 0x0000000000040200\n"
                + "0x0000006000000000 0x00000060ffffffff 0x000000000014220c\n\u0007").getBytes(StandardCharsets.UTF_8));
        m.put("HostFuzzTest/libvirtXml/domain", ("<domain type='kvm'><devices>"
                + "<controller type='pci' index='1' model='pcie-root-port'><address type='pci' domain='0x0000' bus='0x00'"
                + " slot='0x1c' function='0x0'/></controller><hostdev mode='subsystem' type='pci' managed='yes'><source>"
                + "<address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source><address type='pci'"
                + " domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></hostdev></devices></domain>\u0000")
                .getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private static byte[] prefix(int b, byte[] data) {
        return concat(new byte[] {(byte) b}, data);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code [package:]Class/method/name} -> the seed's resource path. */
    static String resource(String key) {
        String pkg = key.contains(":") ? key.substring(0, key.indexOf(':')) : "fuzz";
        String[] p = key.substring(key.indexOf(':') + 1).split("/", -1);
        return "io/github/vbios/" + pkg + "/" + p[0] + "Inputs/" + p[1] + "/seed-" + p[2];
    }

    public static void main(String[] args) throws IOException {
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            Path f = Path.of("src/test/resources").resolve(resource(e.getKey()));
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }
}
