package io.github.vbios.acpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.io.VbiosException;
import io.github.vbios.testutil.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 16 point 5: {@code _ROM} serves the NVIDIA view (what the card's flash gives the driver),
 * not only the PCI view. The corpus GK107 dump (layout A, corpus README): PCI view 0x400-0x21400,
 * NVIDIA view 0x400-0x29E00 with the NVIDIA-only images at 0x21400 ({@code VN}) and 0x29400.
 */
class NvidiaViewTest {
    static final int START = 0x400;
    static final int PCI_END = 0x21400;
    static final int NV_END = 0x29E00;

    static byte[] dump() throws Exception {
        return Files.readAllBytes(Corpus.file("roms/kepler-gk107.rom"));
    }

    @Test
    void aFullFlashDumpServesTheNvidiaView(@TempDir Path dir) throws Exception {
        byte[] file = dump();
        RomInput in = RomInput.check(ByteSlice.of(file), "kepler-gk107.rom", true);
        assertThat(in.view()).isEqualTo(RomInput.VIEW_NVIDIA);
        assertThat(in.bytes()).isEqualTo(Arrays.copyOfRange(file, START, NV_END));
        assertThat(in.findings()).extracting(SsdtFinding::code).containsExactly(AcpiCode.NVIDIA_VIEW_SERVED);
        AcpiExec.assumeInstalled("acpiexec");
        SsdtSet set = AcpiexecPeerTest.embed(in.bytes(), Placement.AUTO);
        List<Path> tables = AcpiexecPeerTest.write(set, dir);
        AcpiExec.Run r = AcpiExec.run(prepend(dir, tables), List.of("evaluate " + AcpiexecPeerTest.GPU + "._ROM 0x21000 16"));
        assertThat(r.errors()).isEmpty();
        byte[] got = r.buffers().get(0);
        assertThat(got).isEqualTo(Arrays.copyOfRange(file, 0x21400, 0x21410));
        assertThat(got[0]).isEqualTo((byte) 'V');
        assertThat(got[1]).isEqualTo((byte) 'N');
        assertThat(RomReads.check(in.bytes(), AcpiexecPeerTest.GPU, tables, dir, true)).isGreaterThanOrEqualTo(20);
    }

    private static List<Path> prepend(Path dir, List<Path> tables) throws Exception {
        Path stub = dir.resolve("stub.aml");
        Files.write(stub, StubDsdt.build(true));
        ArrayList<Path> all = new ArrayList<>(List.of(stub));
        all.addAll(tables);
        return all;
    }

    @Test
    void theNvidiaViewAsAFileIsTakenAsItIsAndTheDumpNeedsClean() throws Exception {
        byte[] file = dump();
        byte[] nv = Arrays.copyOfRange(file, START, NV_END);
        RomInput in = RomInput.check(ByteSlice.of(nv), "gk107-nvidia.rom", false);
        assertThat(in.cleaned()).isFalse();
        assertThat(in.bytes()).isEqualTo(nv);
        assertThatThrownBy(() -> RomInput.check(ByteSlice.of(file), "kepler-gk107.rom", false))
                .isInstanceOf(VbiosException.class).hasMessageContaining("NVIDIA view").hasMessageContaining("--clean");
    }

    @Test
    void aPciViewOnlyLayoutARomSaysTheNvidiaImagesAreMissing() throws Exception {
        byte[] pci = Arrays.copyOfRange(dump(), START, PCI_END);
        RomInput in = RomInput.check(ByteSlice.of(pci), "gk107.rom", false);
        assertThat(in.view()).isEqualTo(RomInput.VIEW_PCI);
        assertThat(in.bytes()).isEqualTo(pci);
        assertThat(in.findings()).extracting(SsdtFinding::code).containsExactly(AcpiCode.NVIDIA_IMAGES_MISSING);
        assertThat(in.findings().get(0).message()).contains("nvflash", "--nvidia-view");
        byte[] t = Files.readAllBytes(Corpus.file("roms/turing-tu117-t1000.rom"));
        RomInput tu = RomInput.check(ByteSlice.of(Arrays.copyOfRange(t, 0x4600, 0x23C00)), "tu117.rom", false);
        assertThat(tu.findings()).extracting(SsdtFinding::code).containsExactly(AcpiCode.NVIDIA_IMAGES_MISSING);
    }

    @Test
    void layoutBAndAmdRomsServeThePciViewWithoutFindings() throws Exception {
        for (String name : List.of("maxwell-m2200m.rom", "amd-rx580.rom")) {
            byte[] f = Files.readAllBytes(Corpus.file("roms/" + name));
            RomInput in = RomInput.check(ByteSlice.of(f), name, true);
            assertThat(in.view()).as(name).isEqualTo(RomInput.VIEW_PCI);
            assertThat(in.findings()).as(name).isEmpty();
        }
        byte[] p = Files.readAllBytes(Corpus.file("roms/pascal-p5000m.rom"));
        RomInput pascal = RomInput.check(ByteSlice.of(p), "pascal-p5000m.rom", true);
        assertThat(pascal.view()).isEqualTo(RomInput.VIEW_PCI);
        assertThat(pascal.bytes()).hasSize(0x38800 - 0xA00);
        assertThat(pascal.findings()).isEmpty();
    }
}
