package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.nvidia.Npde;
import io.github.vbios.rom.nvidia.NvidiaIdentity;
import io.github.vbios.testutil.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fact of ../shared/corpus/README.md for the five ROMs (skipped when the corpus is absent). */
class CorpusRomTest {

    static RomAnalysis load(String name) throws IOException {
        return RomAnalyzer.analyze(ByteSlice.readFile(Corpus.file("roms/" + name), 1 << 24));
    }

    static ByteSlice bytes(String name) throws IOException {
        return ByteSlice.readFile(Corpus.file("roms/" + name), 1 << 24);
    }

    /** One README image line: offset sig/ds vendor:device type len ind. */
    static void image(RomImage i, long off, String sig, String ds, int ven, int dev, int type, long len, int ind) {
        assertThat(i.offset()).as("offset").isEqualTo(off);
        assertThat(i.signature().text()).as("signature at 0x%X", off).isEqualTo(sig);
        assertThat(i.dataStructure()).as("data structure at 0x%X", off).isEqualTo(ds);
        assertThat(i.vendorId()).as("vendor at 0x%X", off).isEqualTo(ven);
        assertThat(i.deviceId()).as("device at 0x%X", off).isEqualTo(dev);
        assertThat(i.codeType()).as("code type at 0x%X", off).isEqualTo(type);
        assertThat(i.pcirLength()).as("PCIR length at 0x%X", off).isEqualTo(len);
        assertThat(i.indicator()).as("indicator at 0x%X", off).isEqualTo(ind);
    }

    /**
     * NPDE(rev, len, size). The README also lists "last 0" for every NPDE; on M2200M 0x1EA00 and P5000M
     * 0x28200 the byte at NPDE+0x0A is 0x80 (xxd shows it), so last is asserted from the bytes by
     * {@link #npdeLastByte} instead.
     */
    static void npde(RomImage i, int rev, int len, long size) {
        assertThat(i.npde()).as("NPDE at 0x%X", i.offset()).isPresent();
        Npde n = i.npde().get();
        assertThat(n.revision()).isEqualTo(rev);
        assertThat(n.length()).isEqualTo(len);
        assertThat(n.subImageLength()).isEqualTo(size);
    }

    static void npdeLastByte(RomImage i, int value) {
        assertThat(i.npde().orElseThrow().lastImage()).isEqualTo(value);
    }

    static void efi(RomImage i, long size, String shaPrefix) {
        EfiRomHeader h = i.efiHeader().orElseThrow();
        assertThat(h.machine()).isEqualTo(0x8664);
        assertThat(h.subsystem()).isEqualTo(11);
        assertThat(h.compressionType()).isEqualTo(1);
        EfiPayload p = i.efiPayload().orElseThrow();
        assertThat(p.error()).isNull();
        assertThat(p.decompressedSize()).isEqualTo(size);
        assertThat(p.decompressedSha256()).startsWith(shaPrefix);
        assertThat(p.validX64Pe()).isTrue();
    }

    static void views(RomAnalysis a, ContainerKind kind, long start, long end, String sha, List<Long> pci,
                      long nvEnd, List<Long> nv) {
        assertThat(a.isOptionRom()).isTrue();
        assertThat(a.container().kind()).isEqualTo(kind);
        assertThat(a.container().romStart()).isEqualTo(start);
        assertThat(a.pciView().start()).isEqualTo(start);
        assertThat(a.pciView().end()).isEqualTo(end);
        assertThat(a.pciView().sha256()).isEqualTo(sha);
        assertThat(a.pciImages()).extracting(RomImage::offset).containsExactlyElementsOf(pci);
        assertThat(a.nvidiaView().end()).isEqualTo(nvEnd);
        assertThat(a.nvidiaImages()).extracting(RomImage::offset).containsExactlyElementsOf(nv);
    }

    static void bit(RomAnalysis a, String version, String date, String versionString, String signOn) {
        NvidiaIdentity nv = a.identity().nvidia().orElseThrow();
        assertThat(nv.version()).isEqualTo(version);
        assertThat(nv.date()).isEqualTo(date);
        assertThat(nv.versionString()).isEqualTo(versionString);
        assertThat(nv.signOn()).isEqualTo(signOn);
        assertThat(nv.bitChecksumValid()).isTrue();
    }

    @Test
    void keplerGk107() throws IOException {
        ByteSlice f = bytes("kepler-gk107.rom");
        assertThat(f.length()).isEqualTo(171520);
        assertThat(f.sha256()).isEqualTo("ce9a2703ee5764f06a93d27e2c0edf4fab661ca0450587df52f0d855b4beddb0");
        RomAnalysis a = RomAnalyzer.analyze(f);
        views(a, ContainerKind.NVGI_V1, 0x400, 0x21400,
                "ff84c04e109c02bf2d08537b18d4ba6aa508f5fb1e09abe768958a62e83cba99", List.of(0x400L, 0x10000L),
                0x29E00, List.of(0x400L, 0x10000L, 0x21400L, 0x29400L));
        assertThat(a.pciView().length()).isEqualTo(135168);
        List<RomImage> im = a.nvidiaImages();
        image(im.get(0), 0x400, "55AA", "PCIR", 0x10de, 0x0fc6, 0x00, 0xFC00, 0x00);
        npde(im.get(0), 0x100, 0xC, 0xFC00);
        image(im.get(1), 0x10000, "55AA", "PCIR", 0x10de, 0x0fc6, 0x03, 0x11400, 0x80);
        npde(im.get(1), 0x100, 0x10, 0x11400);
        npdeLastByte(im.get(1), 0);
        efi(im.get(1), 136480, "d12d15826bab4ecf");
        image(im.get(2), 0x21400, "VN", "NPDS", 0x10de, 0x0ff0, 0xE0, 0x8000, 0x00);
        npde(im.get(2), 0x100, 0xC, 0x8000);
        image(im.get(3), 0x29400, "VN", "NPDS", 0x10de, 0x0000, 0x70, 0xA00, 0x80);
        assertThat(im.get(3).npde()).isEmpty();
        bit(a, "80.07.35.00.F0", "02/25/22", "Version 80.08.40.10.A0",
                "GK107 P2022 SKU 0001 VGA BIOS (HWDIAG) mod by Levi Marvin");
        assertThat(a.verdict().uefiCapable()).isTrue();
        assertThat(a.verdict().romfileReady()).isFalse();
    }

    @Test
    void maxwellM2200m() throws IOException {
        ByteSlice f = bytes("maxwell-m2200m.rom");
        assertThat(f.length()).isEqualTo(197120);
        assertThat(f.sha256()).isEqualTo("9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d");
        RomAnalysis a = RomAnalyzer.analyze(f);
        views(a, ContainerKind.PLAIN, 0, 0x30200, "9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d",
                List.of(0L, 0x1BA00L, 0x1EA00L), 0x30200, List.of(0L, 0xFA00L, 0x1B400L, 0x1BA00L, 0x1EA00L));
        List<RomImage> im = a.nvidiaImages();
        image(im.get(0), 0, "55AA", "PCIR", 0x10de, 0x1436, 0x00, 0x1BA00, 0);
        npde(im.get(0), 0x101, 0x14, 0xFA00);
        image(im.get(1), 0xFA00, "VN", "NPDS", 0x10de, 0x1400, 0xE0, 0xBA00, 0);
        npde(im.get(1), 0x101, 0x14, 0xBA00);
        image(im.get(2), 0x1B400, "VN", "NPDS", 0x10de, 0, 0x70, 0x600, 0);
        assertThat(im.get(2).npde()).isEmpty();
        image(im.get(3), 0x1BA00, "55AA", "PCIR", 0x10de, 0x1436, 0x03, 0x3000, 0);
        npde(im.get(3), 0x100, 0x10, 0x3000);
        efi(im.get(3), 40960, "b45080c7a2689033");
        image(im.get(4), 0x1EA00, "55AA", "PCIR", 0x10de, 0x1436, 0x03, 0x11800, 0x80);
        npde(im.get(4), 0x100, 0x10, 0x11800);
        npdeLastByte(im.get(4), 0x80);
        efi(im.get(4), 138400, "732dbad8c8344bb0");
        bit(a, "84.06.76.00.1C", "07/23/16", "Version 84.06.76.00.1C", "GM206 P2757 SKU 513 VGA BIOS");
        assertThat(a.verdict().romfileReady()).isTrue();
        assertThat(a.verdict().uefiCapable()).isTrue();
        assertThat(a.verdict().warnings()).isEmpty();
    }

    @Test
    void pascalP5000m() throws IOException {
        ByteSlice f = bytes("pascal-p5000m.rom");
        assertThat(f.length()).isEqualTo(524288);
        assertThat(f.sha256()).isEqualTo("bb3061e158e0be9f911858dc171cc5ddb2bdd8f45554ec45efab76c342e6fbb7");
        RomAnalysis a = RomAnalyzer.analyze(f);
        views(a, ContainerKind.NVGI_V2, 0xA00, 0x38800,
                "9942aa4634c58f4b233cab5a5930ebc5842275fc9a8f43718fca0dbe1f6fba76", List.of(0xA00L, 0x28200L),
                0x38800, List.of(0xA00L, 0xFC00L, 0x1A400L, 0x27800L, 0x28200L));
        assertThat(a.pciView().length()).isEqualTo(228864);
        List<RomImage> im = a.nvidiaImages();
        image(im.get(0), 0xA00, "55AA", "PCIR", 0x10de, 0x1bb6, 0x00, 0x27800, 0);
        npde(im.get(0), 0x101, 0x14, 0xF200);
        image(im.get(1), 0xFC00, "VN", "NPDS", 0x10de, 0x1b80, 0xE0, 0xA800, 0);
        npde(im.get(1), 0x101, 0x14, 0xA800);
        image(im.get(2), 0x1A400, "VN", "NPDS", 0x10de, 0x1b80, 0xE0, 0xD400, 0);
        npde(im.get(2), 0x101, 0x14, 0xD400);
        image(im.get(3), 0x27800, "VN", "NPDS", 0x10de, 0, 0x70, 0xA00, 0);
        image(im.get(4), 0x28200, "55AA", "PCIR", 0x10de, 0x1bb6, 0x03, 0x10600, 0x80);
        npde(im.get(4), 0x100, 0x10, 0x10600);
        efi(im.get(4), 128608, "4d9835efec3520b4");
        bit(a, "86.04.3A.00.15", "08/16/16", "Version 86.04.3A.00.15", "NVIDIA P5000 - iMac");
        // layout B: byte 2, PCIR and NPDE ranges all differ and all sum to zero (rom-format.md 3.6)
        X86Checksum c = a.checksums().get(0);
        assertThat(c.byte2Length()).isEqualTo(0x19A00);
        assertThat(c.pcirLength()).isEqualTo(0x27800);
        assertThat(c.npdeLength()).isEqualTo(0xF200);
        assertThat(List.of(c.byte2Sum(), c.pcirSum(), c.npdeSum())).containsOnly(0);
    }

    @Test
    void turingTu117() throws IOException {
        ByteSlice f = bytes("turing-tu117-t1000.rom");
        assertThat(f.length()).isEqualTo(1047040);
        assertThat(f.sha256()).isEqualTo("da9a52140270e029e657572bbcfd14b4447428f719e2344819ecb31d7dae363e");
        RomAnalysis a = RomAnalyzer.analyze(f);
        views(a, ContainerKind.NVGI_V3, 0x4600, 0x23C00,
                "d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616", List.of(0x4600L, 0x12C00L),
                0x53200, List.of(0x4600L, 0x12C00L, 0x23C00L, 0x30800L, 0x51800L));
        assertThat(a.container().directoryOffset()).isEqualTo(0x4000);
        assertThat(a.pciView().length()).isEqualTo(128512);
        List<RomImage> im = a.nvidiaImages();
        image(im.get(0), 0x4600, "55AA", "PCIR", 0x10de, 0x1fb9, 0x00, 0xE600, 0);
        npde(im.get(0), 0x101, 0x14, 0xE600);
        image(im.get(1), 0x12C00, "55AA", "PCIR", 0x10de, 0x1fb9, 0x03, 0x11000, 0x80);
        npde(im.get(1), 0x100, 0x10, 0x11000);
        npdeLastByte(im.get(1), 0);
        efi(im.get(1), 132528, "15ba885fb0317dea");
        assertThat(im.get(1).gopVersion()).contains(0x0005000BL);
        assertThat(im.get(1).efiPayload().orElseThrow().gopName()).isEqualTo("nvgop-tu1xx");
        image(im.get(2), 0x23C00, "VN", "NPDS", 0x10de, 0x1f80, 0xE0, 0xCC00, 0);
        npde(im.get(2), 0x101, 0x14, 0xCC00);
        image(im.get(3), 0x30800, "VN", "NPDS", 0x10de, 0x1f80, 0xE0, 0x21000, 0);
        npde(im.get(3), 0x101, 0x14, 0x21000);
        image(im.get(4), 0x51800, "VN", "NPDS", 0x10de, 0, 0x70, 0x1A00, 0x80);
        bit(a, "90.17.0E.00.04", "12/05/18", "Version 90.17.0E.00.04", "E4905 SKU 10 VGA BIOS");
        NvidiaIdentity nv = a.identity().nvidia().orElseThrow();
        assertThat(nv.headerDate()).isEqualTo("12/06/18");
        // BIT pointers past the x86 image rebase into the first E0 image (rom-format.md 1.11)
        assertThat(nv.rebase()).isEqualTo(0x23C00 - 0x4600 - 0xE600);
    }

    @Test
    void amdRx580() throws IOException {
        ByteSlice f = bytes("amd-rx580.rom");
        assertThat(f.length()).isEqualTo(262144);
        assertThat(f.sha256()).isEqualTo("f221e2374f9f3af0029115feb957557b632b72ef056bd9ff08baf4607b015f3d");
        RomAnalysis a = RomAnalyzer.analyze(f);
        views(a, ContainerKind.PLAIN, 0, 0x1D200, "50d2d1d8c643a4c01d134a15f385b759333f94a8a57cc3d0c4c9c8d23067e197",
                List.of(0L, 0xEC00L), 0x1D200, List.of(0L, 0xEC00L));
        assertThat(a.pciView().length()).isEqualTo(119296);
        List<RomImage> im = a.pciImages();
        image(im.get(0), 0, "55AA", "PCIR", 0x1002, 0x67df, 0x00, 0xEC00, 0);
        image(im.get(1), 0xEC00, "55AA", "PCIR", 0x1002, 0x67df, 0x03, 0xE600, 0x80);
        assertThat(im).allMatch(i -> i.npde().isEmpty());
        efi(im.get(1), 106024, "440c75cb21d90eae");
        AmdIdentity amd = a.identity().amd().orElseThrow();
        assertThat(amd.version()).isEqualTo("015.050.002.001.000000");
        assertThat(amd.name()).isEqualTo("E387 Polaris20 XTX A1 GDDR5 256Mx32 8GB");
        assertThat(amd.date()).isEqualTo("11/15/17 01:27");
        assertThat(amd.partNumber()).isEqualTo("113-1E3870U-O4B");
        assertThat(a.identity().nvidia()).isEmpty();
    }

    @Test
    void turingBackupChainIsFoundByTheScanner() throws IOException {
        List<FoundRom> found = RomScanner.scan(bytes("turing-tu117-t1000.rom"));
        assertThat(found).extracting(FoundRom::pciViewOffset).containsExactly(0x4600L, 0x58600L);
        assertThat(found).allMatch(r -> r.analysis().pciView().sha256()
                .equals("d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616"));
        assertThat(found).allMatch(r -> r.source() == FoundRom.Source.NVIDIA_CONTAINER);
    }

    @Test
    void scannerFindsEveryCorpusRomOnceInAConcatenation() throws IOException {
        List<String> names = List.of("amd-rx580.rom", "kepler-gk107.rom", "maxwell-m2200m.rom", "pascal-p5000m.rom");
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.write(new byte[0x123]);
        for (String n : names) {
            blob.write(bytes(n).toArray());
            blob.write(new byte[0x31]);
        }
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(blob.toByteArray()));
        assertThat(found).extracting(r -> r.analysis().pciView().sha256()).containsExactly(
                "50d2d1d8c643a4c01d134a15f385b759333f94a8a57cc3d0c4c9c8d23067e197",
                "ff84c04e109c02bf2d08537b18d4ba6aa508f5fb1e09abe768958a62e83cba99",
                "9b439c4d02e349231279990782384494a41b6a2aa176e9be1dbf072d35dcd78d",
                "9942aa4634c58f4b233cab5a5930ebc5842275fc9a8f43718fca0dbe1f6fba76");
    }
}
