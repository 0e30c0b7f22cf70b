package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vbios.cli.Main;
import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.Finding;
import io.github.vbios.io.Severity;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.FirmwareWrappers;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.OptionRomBuilder;
import io.github.vbios.sample.RarBuilder;
import io.github.vbios.sample.SampleHosts;
import io.github.vbios.testutil.Corpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimusTest {
    @TempDir
    Path tmp;

    private OptimusResult run(Path in, String ids, Integer pick, Path hostRoot) throws Exception {
        return Optimus.run(new OptimusRequest(in, tmp.resolve("out"), null,
                ids == null ? null : OptimusRequest.parseIds(ids), pick, hostRoot, null, false), ExternalTools.none());
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void lgImageWithIdsWritesTheCorpusRomfileAndEverything() throws Exception {
        Path lg = Corpus.file("firmware/lg-r510-insyde.fd");
        OptimusResult r = run(lg, "10de:0648", null, tmp.resolve("no-host"));
        assertThat(r.done()).isTrue();
        assertThat(r.remarks()).extracting(Finding::code).contains(PlanCode.HOST_UNREADABLE);
        assertThat(r.hostDeviceFound()).isFalse();
        Path out = tmp.resolve("out");
        assertThat(sha256(out.resolve(r.romfile())))
                .isEqualTo("9aaa44fea592e38093d7e7a5e3947316ff84f946ccd8f543f2e203b040607a0f");
        assertThat(out.resolve("ssdt/vbios-ssdt.json")).exists();
        assertThat(out.resolve("qemu-args.txt")).content().contains("romfile=" + out.resolve(r.romfile()))
                .contains("x-pci-sub-vendor-id=0x152d").contains("-acpitable file=");
        assertThat(out.resolve("proxmox.conf")).content().contains("hostpci0: ").contains("sub-vendor-id=0x152d");
        assertThat(out.resolve("NEXT-STEPS.md")).content().contains(r.acpiPath()).contains("BIOS device name")
                .contains("firmware_node/path").contains("= 0x10de:0x0648 ]").doesNotContain("devices/0000:01:00.0")
                .contains("sh start-vm.sh").contains("no display outputs").contains("Looking Glass")
                .contains("indirect display driver").contains("Remote desktop").contains("-vga std")
                .contains("mkdir -p /var/lib/vz/snippets/vbios-100");
        assertThat(out.resolve("qemu-args.txt")).content().doesNotContainPattern("(?m)^-machine").doesNotContain("if=pflash")
                .doesNotContain("vm-OVMF_VARS.fd");
        assertThat(out.resolve("start-vm.sh")).content().startsWith("#!/bin/sh").contains("cp \"$OVMF_VARS_TEMPLATE\"");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("libvirt-snippet.xml").toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("domain");
        // libvirt wants the override values as unsigned decimal (vm issue): 0x152d = 5421
        assertThat(out.resolve("libvirt-snippet.xml")).content().contains("5421");
        assertThat(r.artefacts()).extracting(OptimusResult.Artefact::file)
                .contains("start-vm.sh", "qemu-args.txt", "libvirt-snippet.xml", "proxmox.conf", "NEXT-STEPS.md",
                        "ssdt/vbios-rom.aml");
    }

    @Test
    void lgImageWithoutIdsListsTheFourNvidiaCandidates() throws Exception {
        OptimusResult r = run(Corpus.file("firmware/lg-r510-insyde.fd"), null, null, tmp.resolve("no-host"));
        assertThat(r.done()).isFalse();
        assertThat(r.candidates()).extracting(OptimusCandidate::ids)
                .containsExactly("10de:0648", "10de:06e9", "10de:06ec", "10de:0652");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void cliExitsFourWithTheListAndZeroWithIds() throws Exception {
        String lg = Corpus.file("firmware/lg-r510-insyde.fd").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"optimus", lg, "-o", tmp.resolve("a").toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(4);
        assertThat(out.toString()).contains(" 1. 10de:0648").contains(" 4. 10de:0652").doesNotContain("8086:2a42,");
        assertThat(err.toString()).contains("--ids").contains("--pick");
        code = Main.run(new String[] {"optimus", lg, "-o", tmp.resolve("b").toString(), "--ids", "10de:0648",
            "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isZero();
        code = Main.run(new String[] {"optimus", lg, "-o", tmp.resolve("b").toString(), "--pick", "2",
            "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("non-empty output folder without --force").isEqualTo(2);
    }

    @Test
    void turingDumpWorksToo() throws Exception {
        OptimusResult r = run(Corpus.file("roms/turing-tu117-t1000.rom"), null, null, tmp.resolve("no-host"));
        assertThat(r.done()).isTrue();
        assertThat(r.inputKind()).isEqualTo("dump");
        assertThat(sha256(tmp.resolve("out").resolve(r.romfile())))
                .isEqualTo("d0f08ed5da24abc98b3f78f4ae15a19e4721ee73f66cbc6964129bdb52607616");
    }

    @Test
    void hostDevicePicksTheRomAndGivesTheSubsystemIds() throws Exception {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        Path dump = tmp.resolve("dump.rom");
        Files.write(dump, new NvidiaDumpBuilder(NvidiaDumpBuilder.Container.NVGI_V2, NvidiaDumpBuilder.Layout.B)
                .device(0x1f99).build());
        OptimusResult r = run(dump, null, null, host);
        assertThat(r.done()).isTrue();
        assertThat(r.hostDeviceFound()).isTrue();
        assertThat(r.hostDevice()).isEqualTo(SampleHosts.LAPTOP_DGPU);
        assertThat(r.selection().reason()).contains("host");
        assertThat(tmp.resolve("out/qemu-args.txt")).content().contains("host=0000:01:00.0")
                .contains("x-pci-sub-vendor-id=0x1025").contains("x-pci-sub-device-id=0x1418");
    }

    @Test
    void sameIdsTwiceNeedsPick() throws Exception {
        byte[] a = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0xE000);
        byte[] b = FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0xF000);
        Path image = tmp.resolve("two.fd");
        Files.write(image, FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, a),
                FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, b)));
        OptimusResult r = run(image, "10de:1c8d", null, tmp.resolve("no-host"));
        assertThat(r.done()).isFalse();
        assertThat(r.selection().remaining()).hasSize(2);
        assertThat(run(image, null, 3, tmp.resolve("no-host")).done()).isFalse();
        OptimusResult picked = run(image, null, 2, tmp.resolve("no-host"));
        assertThat(picked.done()).isTrue();
        assertThat(picked.selection().chosen().size()).isEqualTo(0xF000);
    }

    @Test
    void inputWithoutVideoBiosIsNothingFound() throws Exception {
        Path image = tmp.resolve("nic.fd");
        Files.write(image, FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE,
                FirmwareBuilder.optionRom(0x10EC, 0x8168, 0x020000, 0x2000))));
        OptimusResult r = run(image, null, null, tmp.resolve("no-host"));
        assertThat(r.done()).isFalse();
        assertThat(r.candidates()).isEmpty();
        assertThat(List.of(r.selection().reason())).allMatch(s -> s.contains("no video BIOS"));
    }

    /** An Apple MacBook3,1-like image: only Intel GMA ROMs (8086:2a02), two variants and a copy. */
    private Path intelOnlyImage() throws Exception {
        byte[] gma = FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0xC000);
        byte[] gma2 = FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0xE000);
        Path image = tmp.resolve("macbook31.fd");
        Files.write(image, FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, gma),
                FirmwareBuilder.romFile("11111111-0000-0000-0000-000000000001", gma2),
                FirmwareBuilder.romFile("11111111-0000-0000-0000-000000000002", gma)));
        return image;
    }

    @Test
    void imageWithOnlyIntelRomsHasNoDgpuRomAndWritesNothing() throws Exception {
        Path image = intelOnlyImage();
        OptimusResult r = run(image, null, null, tmp.resolve("no-host"));
        assertThat(r.done()).isFalse();
        assertThat(r.candidates()).isEmpty();
        assertThat(r.selection().reason()).contains("no dGPU video BIOS").contains("8086:2a02")
                .contains("--ids 8086:2a02");
        assertThat(r.notes()).filteredOn(n -> n.contains("8086:2a02")).hasSize(1)
                .allMatch(n -> n.contains("2 variants"));
        assertThat(r.remarks()).filteredOn(n -> n.is(PlanCode.IGPU_ROM_FOUND)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("8086:2a02").contains("2 variants"))
                .satisfies(n -> assertThat(n.severity()).isEqualTo(Severity.INFO));
        assertThat(tmp.resolve("out")).doesNotExist();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"optimus", image.toString(), "-o", tmp.resolve("cli").toString(),
            "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("like extract: only Intel ROMs").isEqualTo(4);
        assertThat(tmp.resolve("cli")).doesNotExist();
        assertThat(Main.run(new String[] {"extract", image.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isEqualTo(4);
    }

    @Test
    void idsNamingTheIntelRomUsesItAnyway() throws Exception {
        byte[] gma = FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0xC000);
        Path image = tmp.resolve("one-intel.fd");
        Files.write(image, FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, gma)));
        OptimusResult r = run(image, "8086:2a02", null, tmp.resolve("no-host"));
        assertThat(r.done()).isTrue();
        assertThat(r.selection().chosen().ids()).isEqualTo("8086:2a02");
        assertThat(r.candidates()).hasSize(1);
        assertThat(run(image, "10de:0407", null, tmp.resolve("no-host")).selection().reason())
                .contains("only holds integrated-GPU video BIOS (8086:2a02)");
    }

    @Test
    void aPlainIntelRomFileIsNoDgpuRomEither() throws Exception {
        Path rom = tmp.resolve("gma.rom");
        Files.write(rom, FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0xC000));
        assertThat(run(rom, null, null, tmp.resolve("no-host")).done()).isFalse();
    }

    /**
     * A MacBookPro3,1-like image: two ROMs 10de:0407 of the same size and version in two files,
     * differing in the 16 bytes 0x7A10-0x7A1F; with {@code compensate} the change keeps the byte sum
     * (both checksums valid), without it the second copy fails its checksum.
     */
    private Path twinImage(boolean compensate) throws Exception {
        byte[] a = FirmwareBuilder.optionRom(0x10DE, 0x0407, 0x030000, 0x10000);
        byte[] b = a.clone();
        for (int i = 0; i < 16; i++) {
            b[0x7A10 + i] = (byte) (b[0x7A10 + i] + (compensate ? (i % 2 == 0 ? 1 : -1) : 1));
        }
        Path image = tmp.resolve(compensate ? "mbp31.fd" : "mbp31-bad.fd");
        Files.write(image, FirmwareBuilder.volume(FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, a),
                FirmwareBuilder.romFile("22222222-0000-0000-0000-000000000001", b),
                FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0x8000)),
                FirmwareBuilder.romFile("22222222-0000-0000-0000-000000000002",
                        FirmwareBuilder.optionRom(0x8086, 0x2A02, 0x030000, 0x8000))));
        return image;
    }

    @Test
    void twinsThatBothPassTheirChecksumsAreToldApartAndNeedPickNotIds() throws Exception {
        Path image = twinImage(true);
        for (String ids : new String[] {"10de:0407", null}) {
            OptimusResult r = run(image, ids, null, tmp.resolve("no-host"));
            assertThat(r.done()).isFalse();
            assertThat(r.selection().reason()).contains("16 bytes").contains("0x7A10-0x7A1F (x86 image at 0x0)")
                    .contains("--pick 1 or --pick 2").doesNotContain("choose one with --ids");
            assertThat(r.differences()).singleElement().satisfies(d -> {
                assertThat(d.number()).isEqualTo(2);
                assertThat(d.twin()).isEqualTo(1);
                assertThat(d.bytes()).isEqualTo(16);
                assertThat(d.ranges()).singleElement().satisfies(g -> {
                    assertThat(g.start()).isEqualTo(0x7A10);
                    assertThat(g.end()).isEqualTo(0x7A20);
                });
            });
            assertThat(r.notes()).filteredOn(n -> n.contains("8086:2a02")).hasSize(1);
        }
        OptimusResult picked = run(image, "10de:0407", 2, tmp.resolve("no-host"));
        assertThat(picked.done()).isTrue();
        assertThat(picked.selection().chosen().number()).isEqualTo(2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"optimus", image.toString(), "-o", tmp.resolve("cli").toString(), "--ids",
            "10de:0407", "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(4);
        assertThat(out.toString()).contains("    2 differs from 1 in 16 bytes").contains("from mbp31.fd").doesNotContain("BAD")
                .contains("note: also found the video BIOS 8086:2a02").doesNotContain("warning: also found");
        out = new StringWriter();
        code = Main.run(new String[] {"optimus", image.toString(), "-o", tmp.resolve("cli-json").toString(), "--json",
            "--host-root", tmp.resolve("no-host").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(4);
        var doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.at("/candidates/1/differsFrom/bytes").asInt()).isEqualTo(16);
        assertThat(doc.at("/candidates/1/differsFrom/ranges/0/start").asInt()).isEqualTo(0x7A10);
        assertThat(doc.at("/candidates/0/differsFrom").isMissingNode()).isTrue();
        // each note carries its code, in the same order (issue 13)
        assertThat(doc.get("noteCodes")).hasSameSizeAs(doc.get("notes"));
        int igpu = -1;
        for (int i = 0; i < doc.get("noteCodes").size(); i++) {
            if (doc.get("noteCodes").get(i).asText().equals("plan.igpu-rom-found")) {
                igpu = i;
            }
        }
        assertThat(igpu).as(doc.get("noteCodes").toString()).isNotNegative();
        assertThat(doc.get("notes").get(igpu).asText()).contains("also found the video BIOS 8086:2a02");
        assertThat(doc.get("noteSeverities")).hasSameSizeAs(doc.get("notes"));
        assertThat(doc.get("noteSeverities").get(igpu).asText()).isEqualTo("info");
    }

    @Test
    void ofTwoCopiesOfOneBuildTheOnlyOneWithValidChecksumsIsChosen() throws Exception {
        Path image = twinImage(false);
        OptimusResult r = run(image, "10de:0407", null, tmp.resolve("no-host"));
        assertThat(r.done()).isTrue();
        assertThat(r.selection().chosen().number()).isEqualTo(1);
        assertThat(r.selection().reason()).contains("--ids 10de:0407").contains("only copy of this build")
                .contains("2 fails its");
        assertThat(r.candidates().get(1).describe()).contains("checksum BAD");
        OptimusResult plain = Optimus.run(new OptimusRequest(image, tmp.resolve("out2"), null, null, null,
                tmp.resolve("no-host"), null, false), ExternalTools.none());
        assertThat(plain.selection().chosen().number()).isEqualTo(1);
        OptimusResult picked = Optimus.run(new OptimusRequest(image, tmp.resolve("out3"), null, null, 2,
                tmp.resolve("no-host"), null, false), ExternalTools.none());
        assertThat(picked.selection().chosen().number()).as("--pick overrides").isEqualTo(2);
    }

    @Test
    void aRarWithoutUnarIsIncompleteNotNothingFound() throws Exception {
        byte[] hidden = FirmwareWrappers.xz(FirmwareBuilder.volume(
                FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, FirmwareBuilder.optionRom(0x10DE, 0x1C8D, 0x030000, 0x8000))));
        Path rar = tmp.resolve("spi.rar");
        Files.write(rar, RarBuilder.rar5Stored("spi.bin.xz", hidden));
        OptimusResult r = run(rar, null, null, tmp.resolve("no-host"));
        assertThat(r.done()).isFalse();
        assertThat(r.selection().incomplete()).isTrue();
        assertThat(r.selection().reason()).startsWith("incomplete:").contains("install package unar")
                .doesNotContain("no video BIOS found");
        assertThat(intelOnlyImageIsNotIncomplete()).isFalse();
    }

    private boolean intelOnlyImageIsNotIncomplete() throws Exception {
        return Optimus.run(new OptimusRequest(intelOnlyImage(), tmp.resolve("o9"), null, null, null,
                tmp.resolve("no-host"), null, false), ExternalTools.none()).selection().incomplete();
    }

    /** An x86 ROM 10de:1f99 with the NVIDIA "VIDEO" tag and subsystem IDs at 0x54 (pre-Pascal header). */
    private static byte[] withSubsystem(int vendor, int device) {
        return new OptionRomBuilder().add(OptionRomBuilder.x86(0x10DE, 0x1F99)
                .putAscii(0x0E, "VIDEO")
                .put(0x54, new byte[] {(byte) vendor, (byte) (vendor >> 8), (byte) device, (byte) (device >> 8)}))
                .build();
    }

    @Test
    void theHostGpusSubsystemIdsDecideBetweenSameIdRoms() throws Exception {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        Path image = tmp.resolve("two-skus.fd");
        Files.write(image, FirmwareBuilder.volume(
                FirmwareBuilder.romFile(FirmwareBuilder.NVIDIA_FILE, withSubsystem(0x1025, 0x9999)),
                FirmwareBuilder.romFile(FirmwareBuilder.INTEL_FILE, withSubsystem(0x1025, 0x1418))));
        OptimusResult r = run(image, null, null, host);
        assertThat(r.done()).as(r.selection().reason()).isTrue();
        assertThat(r.selection().chosen().subsystem()).isEqualTo("1025:1418");
        assertThat(r.selection().reason()).contains("subsystem IDs 1025:1418");
        assertThat(r.selection().chosen().rom().checksumValid()).isTrue();
    }
}
