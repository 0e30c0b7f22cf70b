package io.github.vbios.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vbios.firmware.external.ExternalTools;
import io.github.vbios.io.VbiosException;
import io.github.vbios.sample.RealDumpLayouts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** optimus tells the shadow-copy story of info, patch, dump and doctor (issue 15). */
class OptimusShadowTest {
    @TempDir
    Path tmp;

    private OptimusResult run(byte[] rom) throws Exception {
        Path in = Files.write(tmp.resolve("in.rom"), rom);
        return Optimus.run(new OptimusRequest(in, tmp.resolve("out"), null, null, null, tmp.resolve("no-host"), null,
                false), ExternalTools.none());
    }

    @Test
    void aBootShadowIsNamedWithTheWayOut() throws Exception {
        OptimusResult r = run(RealDumpLayouts.turingBootShadow());
        assertThat(r.notes()).anyMatch(n -> n.contains("shadowed copy") && n.contains("TechPowerUp")
                && n.contains("secondary GPU") && n.contains("vbios extract"));
    }

    @Test
    void anX86ImageCutOutIsRefusedWithTheSameStoryNotTryPatch() {
        assertThatThrownBy(() -> run(RealDumpLayouts.laptopX86Alone())).isInstanceOf(VbiosException.class)
                .hasMessageContaining("shadowed copy").hasMessageContaining("TechPowerUp")
                .hasMessageNotContaining("try: vbios patch")
                .satisfies(e -> assertThat(((VbiosException) e).exitCode()).isEqualTo(3));
    }
}
