package io.github.vbios.rom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.patch.CleanReport;
import io.github.vbios.rom.patch.PatchOptions;
import io.github.vbios.rom.patch.PatchOutcome;
import io.github.vbios.rom.patch.RomPatcher;
import io.github.vbios.sample.NvidiaDumpBuilder;
import io.github.vbios.sample.NvidiaDumpBuilder.Container;
import io.github.vbios.sample.NvidiaDumpBuilder.Layout;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container kind and both layouts, built with the sample builders (rom-format.md 1.8, 1.9.4). */
class SyntheticDumpPatchTest {
    static Stream<Arguments> kinds() {
        return Stream.of(Container.values()).flatMap(c -> Stream.of(Layout.values()).map(l -> Arguments.of(c, l)));
    }

    static ContainerKind expectedKind(Container c) {
        return switch (c) {
            case NONE -> ContainerKind.PLAIN;
            case NVGI_V1 -> ContainerKind.NVGI_V1;
            case NVGI_V2 -> ContainerKind.NVGI_V2;
            case NVGI_V3 -> ContainerKind.NVGI_V3;
            case NVFW_V4 -> ContainerKind.NVFW_RFRD_V4;
        };
    }

    /** The PCI view of a built chain: layout A stops after the EFI image, layout B is the whole chain. */
    static byte[] expectedPciView(Layout layout) {
        byte[] chain = NvidiaDumpBuilder.chain(layout, NvidiaDumpBuilder.DEVICE);
        return layout == Layout.A ? Arrays.copyOf(chain, (0x40 + 0x10) * 512) : chain;
    }

    @ParameterizedTest(name = "{0} layout {1}")
    @MethodSource("kinds")
    void romfileIsExactlyThePciView(Container c, Layout l) {
        NvidiaDumpBuilder b = new NvidiaDumpBuilder(c, l);
        byte[] dump = b.build();
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly());
        assertThat(o.clean().container().kind()).isEqualTo(expectedKind(c));
        assertThat(o.clean().headerLength()).isEqualTo(b.romStart());
        assertThat(o.bytes()).isEqualTo(expectedPciView(l));
        assertThat(o.output().verdict().romfileReady()).isTrue();
        assertThat(o.output().pciImages()).extracting(RomImage::codeType).containsExactly(0x00, 0x03);
        assertThat(o.clean().romBarSize()).isEqualTo(CleanReport.pow2ceil(o.bytes().length));
        if (l == Layout.A) {
            assertThat(o.clean().trailing().get(0).kind()).isEqualTo(TrailingRegion.Kind.NVIDIA_IMAGES);
        } else {
            assertThat(o.clean().remarks()).anyMatch(n -> n.is(RomCode.LAYOUT_B_IMAGES_KEPT));
        }
        assertThat(o.clean().alreadyClean()).isEqualTo(c == Container.NONE && l == Layout.B);
        assertThat(RomPatcher.check(ByteSlice.of(o.bytes())).ok()).isTrue();
    }

    @ParameterizedTest(name = "{0} layout {1}")
    @MethodSource("kinds")
    void keepNvidiaImagesKeepsTheWholeNvidiaChain(Container c, Layout l) {
        byte[] dump = NvidiaDumpBuilder.dump(c, l);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(dump), new PatchOptions(false, null, null, true));
        assertThat(o.bytes()).isEqualTo(NvidiaDumpBuilder.chain(l, NvidiaDumpBuilder.DEVICE));
        assertThat(o.output().nvidiaImages()).extracting(RomImage::codeType)
                .containsExactlyInAnyOrder(0x00, 0x03, 0xE0, 0x70);
    }

    @Test
    void backupCopyInfoRomAndFillAreNamed() {
        byte[] dump = new NvidiaDumpBuilder(Container.NVGI_V3, Layout.A).infoRom(true).backupCopy(true).build();
        CleanReport r = RomPatcher.prepare(ByteSlice.of(dump), PatchOptions.cleanOnly()).clean();
        assertThat(r.trailing()).extracting(TrailingRegion::kind).containsExactly(TrailingRegion.Kind.NVIDIA_IMAGES,
                TrailingRegion.Kind.FILL, TrailingRegion.Kind.INFOROM, TrailingRegion.Kind.FILL,
                TrailingRegion.Kind.BACKUP_COPY, TrailingRegion.Kind.FILL);
        assertThat(r.trailing().get(4).description()).contains("byte-identical");
        TrailingRegion last = r.trailing().get(r.trailing().size() - 1);
        assertThat(last.end()).isEqualTo(dump.length);
        long covered = r.trailing().stream().mapToLong(TrailingRegion::length).sum();
        assertThat(covered).isEqualTo(r.trailingLength());
    }

    @Test
    void alreadyCleanInputGivesAnIdenticalCopy() {
        byte[] rom = NvidiaDumpBuilder.dump(Container.NONE, Layout.B);
        PatchOutcome o = RomPatcher.prepare(ByteSlice.of(rom), PatchOptions.cleanOnly());
        assertThat(o.clean().alreadyClean()).isTrue();
        assertThat(o.identicalToInput()).isTrue();
        assertThat(o.clean().trailing()).isEmpty();
        assertThat(o.bytes()).isEqualTo(rom);
    }
}
