package io.github.vbios.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.firmware.archive.RegExport;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.firmware.uefi.Guid;
import io.github.vbios.firmware.uefi.Section;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import io.github.vbios.sample.BiosGuardBuilder;
import io.github.vbios.sample.CabBuilder;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareSamples;
import io.github.vbios.sample.FirmwareSamples.Compression;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.TdkBuilder;
import io.github.vbios.sample.UcpBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Mutated builder inputs of every format class end in a result with findings: no exception, no
 * hang (10 s bound per input), decoded bytes within the limits.
 */
class FirmwareFuzzTest {
    private static final Limits SMALL = new Limits(12, 16L * Limits.MIB, 2 * Limits.MIB, 1000);
    private static final byte[] IMAGE = Fixtures.romVolume(FirmwareBuilder::crc32Section);

    /** One seed per format class; each is mutated by the properties below. */
    private static final Map<String, Supplier<byte[]>> SEEDS = Map.ofEntries(
            Map.entry("volume", () -> IMAGE),
            Map.entry("ffsV3", () -> FirmwareBuilder.volume(Guid.FFS_V3, "6D99E806-3D38-42C2-A095-5F4300BFD7DC",
                    FirmwareBuilder.largeFile("BBBBBBBB-0000-0000-0000-000000000001", 0x02,
                            FirmwareBuilder.sections(FirmwareBuilder.rawSection(Fixtures.NET_ROM))))),
            Map.entry("efi", () -> Fixtures.romVolume(s -> FirmwareSamples.compressionSection(s, Compression.EFI_1_1))),
            Map.entry("tiano", () -> Fixtures.romVolume(FirmwareSamples::tianoGuidSection)),
            Map.entry("lzma", () -> Fixtures.romVolume(s -> FirmwareSamples.compressionSection(s, Compression.LZMA))),
            Map.entry("lzmaF86", () -> Fixtures.romVolume(FirmwareSamples::lzmaF86Section)),
            Map.entry("brotli", () -> Fixtures.romVolume(FirmwareSamples::brotliSection)),
            Map.entry("capsule", () -> FirmwareWrappers.capsule(FirmwareWrappers.EFI_CAPSULE, IMAGE)),
            Map.entry("amiCapsule", () -> FirmwareWrappers.amiCapsule(IMAGE)),
            Map.entry("descriptor", () -> FirmwareBuilder.descriptorImage(IMAGE, 0x2000)),
            Map.entry("zip", () -> FirmwareWrappers.zip("bios.bin", IMAGE)),
            Map.entry("7z", () -> FirmwareWrappers.sevenZ("bios.bin", IMAGE)),
            Map.entry("gzip", () -> FirmwareWrappers.gzip(IMAGE)),
            Map.entry("xz", () -> FirmwareWrappers.xz(IMAGE)),
            Map.entry("tar", () -> FirmwareWrappers.tar("bios.bin", IMAGE)),
            Map.entry("tdk", () -> TdkBuilder.exe(Map.of("BIOS.WPH", IMAGE), true)),
            Map.entry("thinOsPkg", () -> FirmwareWrappers.thinOsPkg(FirmwareWrappers.xz(FirmwareWrappers.tar("b", IMAGE)))),
            Map.entry("zlib", () -> FirmwareWrappers.zlib(IMAGE)),
            Map.entry("dell", () -> FirmwareWrappers.dellHdr(IMAGE)),
            Map.entry("reg", () -> FirmwareWrappers.regExport("HKLM\\X", "Rom", Fixtures.NV_ROM)),
            Map.entry("iflash", () -> FirmwareBuilder.concat("$_IFLASH_BIOSIMG".getBytes(
                    StandardCharsets.US_ASCII), ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN).putInt(IMAGE.length + 0x18).putInt(IMAGE.length).array(), IMAGE)),
            Map.entry("pfs", () -> BiosGuardBuilder.pfs(BiosGuardBuilder.pfsEntry("FD041960-0DC8-4B9F-8225-BBA9E37C71E0", 2,
                    IMAGE, 0, new byte[0]))),
            Map.entry("dellBiosGuard", () -> BiosGuardBuilder.dellBiosGuardPfs(IMAGE, 0x400, 1)),
            Map.entry("amiPfat", () -> BiosGuardBuilder.amiPfat(0x400, new String[] {"BIOS"}, new byte[][] {IMAGE})),
            Map.entry("amiUcp", () -> UcpBuilder.ucp("@UAF", UcpBuilder.stored("@NAL", new byte[] {'@', 'R', 'O', 'M', ':'}),
                    UcpBuilder.compressed("@ROM", IMAGE, EfiCompressionVariant.EFI_1_1))),
            Map.entry("cab", () -> CabBuilder.cab(Map.of("bios.bin", IMAGE), true)),
            Map.entry("sfx", () -> FirmwareBuilder.concat(new byte[] {'M', 'Z'}, new byte[0x100],
                    FirmwareWrappers.sevenZ("b.fd", IMAGE))));

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    static byte[] seed(String name) {
        return CACHE.computeIfAbsent(name, n -> SEEDS.get(n).get());
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<String> names = Arbitraries.of(List.copyOf(new TreeSet<>(SEEDS.keySet())));
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(12);
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 255).list().ofSize(12);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 100);
        return Combinators.combine(names, positions, values, cut).as(FirmwareFuzzTest::mutate);
    }

    /** Overwrites a few bytes (biased to the headers at the start) and sometimes truncates. */
    static byte[] mutate(String name, List<Integer> positions, List<Integer> values, int cut) {
        byte[] b = seed(name).clone();
        for (int i = 0; i < positions.size(); i++) {
            int p = positions.get(i);
            int at = (i % 2 == 0) ? p % Math.min(b.length, 0x200) : p % b.length;
            b[at] = (byte) (int) values.get(i);
        }
        if (cut < 20) {
            b = Arrays.copyOf(b, (int) ((long) b.length * cut / 20));
        }
        return b;
    }

    private static void survives(byte[] input) {
        Extraction x = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Extractor.run(ByteSlice.of(input), "fuzz", SMALL, ExternalTools.none()));
        assertThat(x.decodedBytes()).isLessThanOrEqualTo(SMALL.maxTotalDecoded());
        // round trip: each carved ROM is the bytes it was hashed as, once, and analysing those bytes
        // alone gives back the same PCI view (carving a carved ROM changes nothing)
        assertThat(x.roms()).extracting(CarvedRom::sha256).doesNotHaveDuplicates();
        assertThat(x.roms()).allSatisfy(r -> {
            assertThat(r.pciView().sha256()).isEqualTo(r.sha256());
            RomAnalysis again = RomAnalyzer.analyze(r.pciView());
            assertThat(again.pciView().start()).isZero();
            assertThat(again.pciView().sha256()).isEqualTo(r.sha256());
        });
    }

    @Property(tries = 300)
    void mutatedFormatsEndInResults(@ForAll("mutated") byte[] input) {
        survives(input);
    }

    @Property(tries = 100)
    void randomBytesEndInResults(@ForAll @Size(max = 4096) byte[] input) {
        survives(input);
    }

    @Property(tries = 200)
    void randomBytesBehindEveryMagic(@ForAll("magics") byte[] magic, @ForAll @Size(max = 2048) byte[] tail) {
        survives(FirmwareBuilder.concat(magic, tail));
    }

    @Provide
    Arbitrary<byte[]> magics() {
        return Arbitraries.of(
                new byte[] {'P', 'K', 3, 4}, new byte[] {0x37, 0x7A, (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C},
                new byte[] {0x1F, (byte) 0x8B, 8}, new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0},
                new byte[] {0x78, (byte) 0x9C}, "PFS.HDR.".getBytes(StandardCharsets.US_ASCII),
                "REGEDIT4\r\n\"a\"=hex:".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(Guid.bytes(FirmwareWrappers.EFI_CAPSULE), 16),
                Arrays.copyOf(Guid.bytes(FirmwareWrappers.AMI_CAPSULE), 16),
                Arrays.copyOf(IMAGE, 0x60), Arrays.copyOf(FirmwareBuilder.descriptorImage(IMAGE, 0x1000), 0x1000),
                new byte[] {'M', 'Z'});
    }

    @Property(tries = 200)
    void sectionStreamsOfRandomBytes(@ForAll @Size(max = 512) byte[] body, @ForAll boolean v3) {
        byte[] fv = Fixtures.volumeWith(body);
        survives(fv);
        Section.looksLikeStream(ByteSlice.of(body), v3);
    }

    @Property(tries = 200)
    void registryHexLists(@ForAll @Size(max = 64) String text) {
        RegExport.hexList(text, 16);
        byte[] reg = ("Windows Registry Editor Version 5.00\r\n[k]\r\n\"v\"=hex:" + text + "\\\r\n" + text)
                .getBytes(StandardCharsets.ISO_8859_1);
        survives(reg);
    }
}
