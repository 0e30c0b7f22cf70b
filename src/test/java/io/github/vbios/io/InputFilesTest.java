package io.github.vbios.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputFiles}: regular files only, reads capped whatever st_size says; {@link PartFiles} names. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aProcfsFileThatClaimsZeroBytesIsStillCapped() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isReadable(maps), "no procfs");
        assertThat(Files.size(maps)).isZero();
        assertThat(InputFiles.read(maps, 1 << 20)).isNotEmpty();
        assertThatThrownBy(() -> InputFiles.read(maps, 16)).isInstanceOf(VbiosException.class)
                .hasMessageContaining("more than 16 bytes");
    }

    @Test
    void exactlyTheLimitIsRead() throws Exception {
        Path f = Files.write(dir.resolve("f"), new byte[100]);
        assertThat(InputFiles.read(f, 100)).hasSize(100);
        assertThatThrownBy(() -> InputFiles.read(f, 99)).isInstanceOf(VbiosException.class)
                .hasMessageContaining("100 bytes, over the limit of 99");
    }

    @Test
    void specialFilesAreRefusedByTheirKind() throws Exception {
        assertThatThrownBy(() -> InputFiles.read(Path.of("/dev/zero"), 1 << 20))
                .hasMessageContaining("a character device, not a regular file");
        assertThatThrownBy(() -> InputFiles.read(dir, 1 << 20)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> InputFiles.read(dir.resolve("none"), 1)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void strictTextNamesTheEncodingAndTheOffset() throws Exception {
        Path f = Files.write(dir.resolve("x.xml"), new byte[] {'a', 'b', (byte) 0xFF, 'c'});
        assertThatThrownBy(() -> InputFiles.text(f, 100, StandardCharsets.UTF_8))
                .hasMessageContaining("x.xml is not valid UTF-8").hasMessageContaining("0x2");
    }

    @Test
    void workFileNamesStayWithinNameMax() {
        for (String name : new String[] {"a".repeat(255), "\u00e9".repeat(127), "gpu.rom"}) {
            Path p = PartFiles.beside(dir.resolve(name));
            assertThat(p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(PartFiles.isLeftover(p)).isTrue();
        }
        assertThat(PartFiles.isLeftover(Path.of(".gpu.rom8812734.part"))).isTrue();
        assertThat(PartFiles.isLeftover(Path.of("gpu.rom"))).isFalse();
        assertThat(PartFiles.isLeftover(Path.of("notes.part"))).isFalse();
    }
}
