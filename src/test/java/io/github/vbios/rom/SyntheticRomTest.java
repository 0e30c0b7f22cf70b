package io.github.vbios.rom;

import static io.github.vbios.sample.FirmwareBuilder.concat;
import static io.github.vbios.sample.OptionRomBuilder.filled;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.Severity;
import io.github.vbios.rom.nvidia.NvidiaIdentity;
import io.github.vbios.sample.NvidiaContainerBuilder;
import io.github.vbios.sample.NvidiaDumps;
import io.github.vbios.sample.NvidiaLayoutB;
import io.github.vbios.sample.NvidiaSample;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.PeSample;
import io.github.vbios.sample.RomImageEdit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic ROMs for the tricky cases of rom-format.md section 3 (numbers in the test names). */
class SyntheticRomTest {
    static RomAnalysis analyze(byte[] b) {
        return RomAnalyzer.analyze(ByteSlice.of(b));
    }

    static byte[] simpleChain() {
        return new OptionRomBuilder()
                .add(OptionRomBuilder.x86(0x1234, 0x1111).sizeBlocks(4))
                .add(OptionRomBuilder.efi(0x1234, 0x1111, 0x8664, 0, PeSample.pe32Plus(0x8664, 11, 0x800, null)))
                .build();
    }

    @Test
    void case01_nvgiContainersV1V2V3AndNvfw() {
        byte[] chain = NvidiaSample.layoutA();
        // the array is this value's payload (written, hashed, compared with Arrays.equals), never a record key
        @SuppressWarnings("ArrayRecordComponent")
        record Expect(byte[] file, ContainerKind kind, long start) { }
        for (Expect e : List.of(
                new Expect(NvidiaDumps.nvgi(1, chain, 0x200), ContainerKind.NVGI_V1, 0x400),
                new Expect(NvidiaDumps.nvgi(2, chain, 0x200), ContainerKind.NVGI_V2, 0xA00),
                new Expect(NvidiaContainerBuilder.nvgiV3(chain, 0x200), ContainerKind.NVGI_V3, 0x4600),
                new Expect(NvidiaDumps.nvfw(chain, 0x200), ContainerKind.NVFW_RFRD_V4,
                        NvidiaContainerBuilder.V4_START))) {
            RomAnalysis a = analyze(e.file());
            assertThat(a.container().kind()).isEqualTo(e.kind());
            assertThat(a.pciView().start()).isEqualTo(e.start());
            assertThat(a.pciImages()).hasSize(2);
            assertThat(a.nvidiaImages()).hasSize(4);
            assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.LEADING_DATA));
        }
    }

    @Test
    void case02_decoysBeforeTheRealStart() {
        // pointer-0 55 AA at 0 and a 55 AA/PCIR E0 image chaining into the real x86 (GB206 0x33C00, 0x34200)
        byte[] decoy0 = filled(0x200, 0);
        decoy0[0] = 0x55;
        decoy0[1] = (byte) 0xAA;
        byte[] chain = NvidiaSample.layoutA();
        byte[] pre = new OptionRomBuilder().add(RomImageEdit.of(OptionRomBuilder.x86(0x10de, 0x2d04).sizeBlocks(1).indicator(0))
                .fixChecksum(false).spec()).build();
        byte[] plain = concat(decoy0, pre, chain);
        RomAnalysis scan = analyze(plain);
        assertThat(scan.container().kind()).isEqualTo(ContainerKind.SCAN_512);
        assertThat(scan.container().romStart()).isEqualTo(0x200);
        assertThat(scan.pciImages()).hasSize(3);
        // inside an NVFW container the directory wins over the 512-byte scan (rom-format.md 3.1)
        byte[] nvfw = NvidiaDumps.nvfw(chain, 0);
        byte[] withDecoy = nvfw.clone();
        System.arraycopy(pre, 0, withDecoy, NvidiaContainerBuilder.V4_START - pre.length, pre.length);
        RomAnalysis a = analyze(withDecoy);
        assertThat(a.container().kind()).isEqualTo(ContainerKind.NVFW_RFRD_V4);
        assertThat(a.pciView().start()).isEqualTo(NvidiaContainerBuilder.V4_START);
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(withDecoy));
        assertThat(found).extracting(FoundRom::pciViewOffset).containsExactly((long) NvidiaContainerBuilder.V4_START);
    }

    @Test
    void case03_e0ImageWith55aaAndPcirIsPartOfThePciView() {
        byte[] b = new OptionRomBuilder()
                .add(NvidiaSample.x86(8, null))
                .add(OptionRomBuilder.x86(0x10de, 0x1f80).classCode(0).sizeBlocks(2))
                .build();
        // turn the second image into code type 0xE0 with 55 AA + PCIR (Blackwell 0x5CE00)
        b[8 * 512 + 0x80 + 0x14] = (byte) 0xE0;
        RomAnalysis a = analyze(b);
        assertThat(a.pciImages()).extracting(RomImage::codeTypeName).containsExactly("x86", "NVIDIA-FW");
    }

    @Test
    void case04_strayDuplicateHeaderSharingOneNpds() {
        RomImageSpecs s = new RomImageSpecs();
        byte[] b = s.strayPair();
        RomAnalysis a = analyze(b);
        assertThat(a.nvidiaImages()).extracting(RomImage::offset).containsExactly(0L, 0x1000L, 0x2000L);
        assertThat(RomScanner.scan(ByteSlice.of(b))).hasSize(1);
    }

    @Test
    void case05_lyingLastBitLayoutAAndB() {
        RomAnalysis a = analyze(NvidiaSample.layoutA());
        assertThat(a.pciImages()).extracting(RomImage::codeTypeName).containsExactly("x86", "EFI");
        assertThat(a.nvidiaImages()).extracting(RomImage::codeTypeName).containsExactly("x86", "EFI", "NVIDIA-FW", "NBSI");
        assertThat(a.nvidiaView().end()).isGreaterThan(a.pciView().end());
        RomAnalysis b = analyze(NvidiaLayoutB.chain());
        assertThat(b.pciImages()).extracting(RomImage::codeTypeName).containsExactly("x86", "EFI");
        assertThat(b.nvidiaImages()).extracting(RomImage::codeTypeName).containsExactly("x86", "NVIDIA-FW", "NBSI", "EFI");
        assertThat(b.nvidiaView().end()).isEqualTo(b.pciView().end());
        assertThat(b.verdict().romfileReady()).isTrue();
    }

    @Test
    void case06_threeSizesForOneX86Image() {
        byte[] b = new OptionRomBuilder()
                .add(RomImageEdit.of(NvidiaSample.x86(16, null).indicator(0)).pcirLengthBlocks(26).byte2(20).spec())
                .add(OptionRomBuilder.nvidiaPrivate(0x1f80, 0xE0).sizeBlocks(8).npde(0x0101, 0x14))
                .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(2))
                .build();
        X86Checksum c = analyze(b).checksums().get(0);
        assertThat(List.of(c.byte2Length(), c.pcirLength(), c.npdeLength())).containsExactly(20 * 512L, 26 * 512L, 16 * 512L);
        assertThat(c.pcirSum()).isZero();
        assertThat(c.npdeSum()).isZero();
    }

    @Test
    void case07_moddedRomPcirRangeValidButSeabiosRejects() {
        byte[] b = NvidiaLayoutB.chain();
        // a modder's edit inside the x86 part compensated in the E0 part: PCIR range still 0, byte 2 range not
        b[0x300] = (byte) (b[0x300] + 1);
        b[0x2000 + 0x400] = (byte) (b[0x2000 + 0x400] - 1);
        RomAnalysis a = analyze(b);
        X86Checksum c = a.checksums().get(0);
        assertThat(c.valid()).isTrue();
        assertThat(c.rule()).isEqualTo("pcirLength");
        assertThat(c.seabiosAccepts()).isFalse();
        assertThat(c.npdeSum()).isNotZero();
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.SEABIOS_CHECKSUM_INVALID));
    }

    @Test
    void case08_vendor0000AndOddIdsParseWithAWarning() {
        byte[] b = new OptionRomBuilder()
                .add(OptionRomBuilder.x86(0, 0).sizeBlocks(2).classCode(0x020000))
                .add(OptionRomBuilder.efi(0xFFF3, 0, 0x8664, 0, PeSample.pe32Plus(0x8664, 11, 0x800, null)))
                .build();
        RomAnalysis a = analyze(b);
        assertThat(a.isOptionRom()).isTrue();
        assertThat(a.pciImages()).extracting(RomImage::vendorId).containsExactly(0, 0xFFF3);
        assertThat(a.verdict().uefiCapable()).isTrue();
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.IDS_DIFFER) && w.offset() == a.pciImages().get(1).offset());
    }

    @Test
    void case09_twoEfiImagesBothListedGopIdentifiedByName() {
        byte[] b = new OptionRomBuilder()
                .add(NvidiaSample.x86(8, null))
                .add(OptionRomBuilder.efi(0x10de, NvidiaSample.DEVICE, 0x8664, 0,
                        PeSample.pe32Plus(0x8664, 11, 0x800, "UIScale")).npde(0x0100, 0x10).npdeExtra(NvidiaSample.GOP_VERSION))
                .add(NvidiaSample.efiGop(NvidiaSample.DEVICE))
                .build();
        RomAnalysis a = analyze(b);
        assertThat(a.pciImages()).filteredOn(RomImage::isEfi).hasSize(2);
        assertThat(a.pciImages()).filteredOn(RomImage::isEfi)
                .extracting(i -> i.efiPayload().orElseThrow().gopName()).containsExactly(null, "nvgop-demo");
    }

    @Test
    void case10_efiHeaderVariationsBlackwellOffsets() {
        byte[] pe = PeSample.pe32Plus(0x8664, 11, 0x800, null);
        byte[] b = new OptionRomBuilder()
                .add(RomImageEdit.of(OptionRomBuilder.efi(0x10de, 0x2d04, 0x8664, 0, pe)
                        .sizeBlocks((0x550 + pe.length + 511) / 512)).pcirPointer(0x520).efiImageOffset(0x550).spec())
                .build();
        RomAnalysis a = analyze(b);
        RomImage i = a.pciImages().get(0);
        assertThat(i.dataStructurePointer()).isEqualTo(0x520);
        assertThat(i.efiHeader().orElseThrow().imageOffset()).isEqualTo(0x550);
        assertThat(i.npde()).isEmpty();
        assertThat(i.efiPayload().orElseThrow().validX64Pe()).isTrue();
    }

    @Test
    void case11_badCompressedPayloadIsAFindingNotACrash() {
        byte[] junk = filled(0x400, 0x5A);
        junk[0] = 0x10;
        junk[4] = 0x00;
        junk[5] = 0x10;
        byte[] b = new OptionRomBuilder().add(OptionRomBuilder.efi(0x1234, 1, 0x8664, 1, junk)).build();
        RomAnalysis a = analyze(b);
        EfiPayload p = a.pciImages().get(0).efiPayload().orElseThrow();
        assertThat(p.error()).startsWith("EFI decompression failed");
        assertThat(a.verdict().uefiCapable()).isFalse();
        byte[] reserved = new OptionRomBuilder().add(OptionRomBuilder.efi(0x1234, 1, 0x8664, 2, junk)).build();
        assertThat(analyze(reserved).pciImages().get(0).efiPayload().orElseThrow().error()).contains("reserved");
    }

    @Test
    void case12_backupCopyLaterInTheFile() {
        byte[] dump = NvidiaContainerBuilder.nvgiV3(NvidiaSample.layoutA(), 0);
        byte[] file = concat(dump, filled(0x1000 - dump.length % 0x1000, 0xFF), dump);
        RomAnalysis a = analyze(file);
        assertThat(a.pciView().start()).isEqualTo(0x4600);
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(file));
        assertThat(found).hasSize(2);
        assertThat(found.get(0).analysis().pciView().sha256()).isEqualTo(found.get(1).analysis().pciView().sha256());
    }

    @Test
    void case13_oddFileSizeWithPartialTrailingBlock() {
        byte[] b = concat(simpleChain(), new byte[] {1, 2, 3});
        RomAnalysis a = analyze(b);
        assertThat(a.isOptionRom()).isTrue();
        assertThat(a.verdict().romfileReady()).isFalse();
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.TRAILING_DATA) && w.offset() == a.pciView().end()
                && b.length - w.offset() == 3);
    }

    @Test
    void case14_truncatedChainSaysWhereAndWhat() {
        byte[] full = simpleChain();
        byte[] cut = Arrays.copyOf(full, full.length - 700);
        RomAnalysis a = analyze(cut);
        assertThat(a.pciView().truncated()).isTrue();
        assertThat(a.pciView().end()).isEqualTo(cut.length);
        assertThat(a.findings()).anyMatch(f -> f.severity() == Severity.ERROR && f.is(RomCode.TRUNCATED));
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.CHAIN_TRUNCATED));
    }

    @Test
    void case15_ffPaddingAndExtremeLengthsFailValidation() {
        byte[] b = concat(simpleChain(), filled(0x1000, 0xFF));
        RomAnalysis a = analyze(b);
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.TRAILING_DATA) && w.message().contains("0xFF fill"));
        byte[] huge = new OptionRomBuilder().add(RomImageEdit.of(OptionRomBuilder.x86(0x1234, 1)).pcirLengthBlocks(0xFFFF).spec())
                .build();
        RomAnalysis h = analyze(huge);
        assertThat(h.pciView().truncated()).isTrue();
        assertThat(h.checksums().get(0).pcirSum()).isEqualTo(-1);
        assertThat(analyze(filled(0x10000, 0xFF)).isOptionRom()).isFalse();
    }

    @Test
    void case16_versionStringAndBinaryVersionReportedSeparately() {
        byte[] b = new OptionRomBuilder().add(NvidiaSample.x86(8, null)).build();
        // overwrite the binary version (token B data at 0x140) with DE.AD.00.BE.EF
        byte[] v = {(byte) 0xBE, 0x00, (byte) 0xAD, (byte) 0xDE, (byte) 0xEF};
        System.arraycopy(v, 0, b, 0x140, 5);
        NvidiaIdentity nv = analyze(b).identity().nvidia().orElseThrow();
        assertThat(nv.version()).isEqualTo("DE.AD.00.BE.EF");
        assertThat(nv.versionString()).isEqualTo(NvidiaSample.VERSION_STRING);
    }

    @Test
    void case17_bitPointersPastTheX86ImageAreRebased() {
        RomAnalysis a = analyze(NvidiaSample.layoutA());
        NvidiaIdentity nv = a.identity().nvidia().orElseThrow();
        assertThat(nv.signOn()).isEqualTo(NvidiaSample.SIGN_ON);
        assertThat(nv.oemProductName()).isEqualTo("Demo Board");
        assertThat(nv.rebase()).isEqualTo(a.nvidiaImages().get(2).offset() - 16 * 512);
        assertThat(nv.date()).isEqualTo(NvidiaSample.DATE);
        assertThat(nv.headerDate()).isEqualTo(NvidiaSample.HEADER_DATE);
    }

    @Test
    void case18_subsystemIdsOnlyWithoutPmid() {
        byte[] b = new OptionRomBuilder().add(NvidiaSample.x86(8, null)).build();
        assertThat(analyze(b).pciImages().get(0).x86Header().orElseThrow().subsystemVendorId()).isEqualTo(-1);
        byte[] kepler = b.clone();
        byte[] ids = {(byte) 0xDA, 0x19, (byte) 0x92, 0x22};
        System.arraycopy(ids, 0, kepler, 0x54, 4);
        X86Header h = analyze(kepler).pciImages().get(0).x86Header().orElseThrow();
        assertThat(h.subsystemVendorId()).isEqualTo(0x19DA);
        assertThat(h.subsystemDeviceId()).isEqualTo(0x2292);
    }

    @Test
    void case19_isaRomWithoutPcirIsRefusedWithAClearReason() {
        byte[] b = filled(0x800, 0);
        b[0] = 0x55;
        b[1] = (byte) 0xAA;
        b[2] = 4;
        RomAnalysis a = analyze(b);
        assertThat(a.isOptionRom()).isFalse();
        assertThat(a.notARomReason()).startsWith("legacy ROM without PCI data structure").contains("vbios extract");
    }

    @Test
    void case21_chainNotOn512ByteBoundary() {
        byte[] b = concat(filled(0x124, 0), simpleChain(), filled(0x100, 0));
        RomAnalysis a = analyze(b);
        assertThat(a.container().kind()).isEqualTo(ContainerKind.SCAN_FALLBACK);
        assertThat(a.container().romStart()).isEqualTo(0x124);
        assertThat(a.findings()).anyMatch(f -> f.is(RomCode.START_UNALIGNED));
        byte[] odd = concat(filled(0x123, 0), simpleChain());
        assertThat(RomScanner.scan(ByteSlice.of(odd))).extracting(FoundRom::offset).containsExactly(0x123L);
    }

    @Test
    void case22_privateSignaturesOnlyInTheNvidiaView() {
        byte[] b = new OptionRomBuilder()
                .add(NvidiaSample.x86(8, null).indicator(0).npdeLast(0))
                .add(OptionRomBuilder.nvidiaPrivate(0x1f80, 0xE0).signature(0xBB77).sizeBlocks(2).npde(0x0101, 0x14))
                .build();
        RomAnalysis a = analyze(b);
        assertThat(a.pciImages()).hasSize(1);
        assertThat(a.nvidiaImages()).extracting(i -> i.signature().text()).containsExactly("55AA", "77BB");
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.CHAIN_INCOMPLETE));
    }

    @Test
    void shadowCopySuspectForAShrunkSingleX86Image() {
        byte[] b = new OptionRomBuilder().add(RomImageEdit.of(OptionRomBuilder.x86(0x10de, 0x1234).sizeBlocks(8)).byte2(6).spec())
                .build();
        RomAnalysis a = analyze(b);
        assertThat(a.verdict().shadowCopySuspect()).isTrue();
        assertThat(a.verdict().advice()).contains("shadow copy");
        assertThat(analyze(simpleChain()).verdict().shadowCopySuspect()).isFalse();
    }

    @Test
    void efiForAnotherMachineIsWarnedAndNotUefiCapable() {
        byte[] b = new OptionRomBuilder()
                .add(OptionRomBuilder.efi(0x1234, 1, 0xAA64, 0, PeSample.pe32Plus(0xAA64, 11, 0x800, null))).build();
        RomAnalysis a = analyze(b);
        assertThat(a.verdict().uefiCapable()).isFalse();
        assertThat(a.verdict().problems()).anyMatch(w -> w.is(RomCode.EFI_NOT_X64) && w.message().contains("AArch64"));
    }

    @Test
    void peImageAndViewBytesForCallers() {
        byte[] dump = NvidiaSample.flashDump();
        ByteSlice file = ByteSlice.of(dump);
        RomAnalysis a = RomAnalyzer.analyze(file);
        assertThat(EfiPayloadReader.peImage(file, a.pciImages().get(1))).contains(NvidiaSample.gopImage());
        assertThat(EfiPayloadReader.peImage(file, a.pciImages().get(0))).isEmpty();
        assertThat(a.pciView().bytes(file).toArray()).isEqualTo(NvidiaSample.layoutA().length > 0
                ? Arrays.copyOfRange(dump, 0x4600, (int) a.pciView().end()) : null);
        assertThat(RomAnalyzer.analyze(a.pciView().bytes(file)).verdict().romfileReady()).isTrue();
    }

    @Test
    void scannerSurvivesABlobFullOfSignatures() {
        byte[] blob = new byte[1 << 20];
        byte[][] tokens = {"NVGI".getBytes(StandardCharsets.US_ASCII), "NVFW".getBytes(StandardCharsets.US_ASCII),
            "RFRD".getBytes(StandardCharsets.US_ASCII), {0x55, (byte) 0xAA, 0x04}};
        for (int off = 0, k = 0; off + 8 < blob.length; off += 6, k++) {
            byte[] t = tokens[k % tokens.length];
            System.arraycopy(t, 0, blob, off, t.length);
        }
        byte[] chain = simpleChain();
        System.arraycopy(chain, 0, blob, 0x40000, chain.length);
        List<FoundRom> found = RomScanner.scan(ByteSlice.of(blob));
        assertThat(found).extracting(FoundRom::offset).contains(0x40000L);
        assertThat(RomAnalyzer.analyze(ByteSlice.of(blob)).isOptionRom()).isTrue();
    }

    @Test
    void brokenContainerPointersAreFindingsAndTheNextRuleIsTried() {
        byte[] chain = NvidiaSample.layoutA();
        byte[] v1 = NvidiaDumps.nvgi(1, chain, 0);
        v1[0x14] = 0x10; // points at 0x410: inside the image, no 55 AA there
        RomAnalysis a = analyze(v1);
        assertThat(a.container().kind()).isEqualTo(ContainerKind.SCAN_512);
        assertThat(a.container().romStart()).isEqualTo(0x400);
        assertThat(a.findings()).anyMatch(f -> f.is(RomCode.NVIDIA_CONTAINER_START_INVALID) && f.message().startsWith("NVGI v1"));
        byte[] v3 = NvidiaContainerBuilder.nvgiV3(chain, 0);
        v3[0x4000] = 'X'; // no RFRD
        RomAnalysis b = analyze(v3);
        assertThat(b.container().kind()).isEqualTo(ContainerKind.SCAN_512);
        assertThat(b.findings()).anyMatch(f -> f.is(RomCode.NVIDIA_CONTAINER_INVALID) && f.message().contains("RFRD"));
        byte[] v4 = NvidiaDumps.nvfw(chain, 0);
        v4[NvidiaContainerBuilder.V4_RFRD + 4] = 2; // RFRD version 2 is not the Blackwell directory
        assertThat(analyze(v4).container().kind()).isEqualTo(ContainerKind.SCAN_512);
    }

    @Test
    void npdeWithUnknownRevisionIsNotHonoured() {
        byte[] b = new OptionRomBuilder()
                .add(RomImageEdit.of(NvidiaSample.x86(8, null).npde(0x0200, 0x14).indicator(0x80)).npdeSubBlocks(4).spec())
                .build();
        RomAnalysis a = analyze(b);
        RomImage x = a.pciImages().get(0);
        assertThat(x.npde()).isPresent();
        assertThat(x.nvidiaLength()).isEqualTo(8 * 512);
        assertThat(a.nvidiaImages()).hasSize(1);
    }

    /** Builders for cases that need hand-placed headers. */
    static final class RomImageSpecs {
        /** x86 (8 blocks), E0 image with a stray 55 AA header 0x100 after its VN header sharing the NPDS, NBSI. */
        byte[] strayPair() {
            byte[] b = new OptionRomBuilder()
                    .add(NvidiaSample.x86(8, null).indicator(0x80).npdeLast(0))
                    .add(RomImageEdit.of(OptionRomBuilder.nvidiaPrivate(0x1f80, 0xE0).sizeBlocks(8).npde(0x0101, 0x14))
                            .pcirPointer(0x180).spec())
                    .add(OptionRomBuilder.nvidiaPrivate(0, 0x70).sizeBlocks(2))
                    .build();
            int stray = 0x1000 + 0x100;
            b[stray] = 0x55;
            b[stray + 1] = (byte) 0xAA;
            b[stray + 0x18] = (byte) 0x80;
            b[stray + 0x19] = 0;
            return b;
        }
    }
}
