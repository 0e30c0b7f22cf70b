package io.github.vbios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.codec.EfiCompressionVariant;
import io.github.vbios.codec.EfiDecompressor;
import io.github.vbios.io.ByteSlice;
import io.github.vbios.rom.ContainerKind;
import io.github.vbios.rom.RomAnalysis;
import io.github.vbios.rom.RomAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzz seeds are what they claim to be, and the committed files match their builders. */
class SeedsTest {
    @Test
    void romSeedsAreOptionRoms() {
        RomAnalysis plain = RomAnalyzer.analyze(ByteSlice.of(Seeds.legacyPlusEfiRom()));
        assertThat(plain.isOptionRom()).isTrue();
        assertThat(plain.pciImages()).hasSize(2);
        assertThat(plain.pciImages().get(1).efiHeader()).isPresent();
        RomAnalysis nvgi = RomAnalyzer.analyze(ByteSlice.of(Seeds.nvgiDump()));
        assertThat(nvgi.container().kind()).isEqualTo(ContainerKind.NVGI_V1);
        assertThat(nvgi.container().romStart()).isEqualTo(0x400);
    }

    @Test
    void efiSeedDecompresses() throws Exception {
        byte[] seed = Seeds.all().get("CodecFuzzTest/efi/efi11");
        byte[] out = EfiDecompressor.decompress(ByteSlice.of(seed).from(1), EfiCompressionVariant.EFI_1_1, 1 << 20);
        assertThat(out).isEqualTo(Seeds.pe(0x8664, 11));
    }

    @Test
    void committedSeedFilesMatchTheirBuilders() throws IOException {
        for (Map.Entry<String, byte[]> e : Seeds.all().entrySet()) {
            String[] p = e.getKey().split("/");
            String resource = p[0] + "Inputs/" + p[1] + "/seed-" + p[2];
            try (InputStream in = SeedsTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource + " (regenerate with Seeds.main)").isNotNull();
                assertThat(in.readAllBytes()).as(resource).isEqualTo(e.getValue());
            }
        }
    }
}
