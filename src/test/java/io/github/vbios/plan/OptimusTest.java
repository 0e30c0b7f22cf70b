package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.cli.Main;
import io.github.vbios.firmware.ExternalTools;
import io.github.vbios.sample.FirmwareBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder;
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
}
