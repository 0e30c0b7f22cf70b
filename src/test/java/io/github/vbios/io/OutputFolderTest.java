package io.github.vbios.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFolder#begin}: nothing appears before the commit; a commit that fails half-way is undone. */
class OutputFolderTest {
    @TempDir
    Path dir;

    private static long entries(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.count();
        }
    }

    @Test
    void aNewFolderAppearsOnlyOnCommit() throws Exception {
        Path root = dir.resolve("a/b/out");
        try (OutputFolder out = OutputFolder.begin(root, false, Inputs.none())) {
            out.writeString("x.txt", "x");
            out.folder("sub").writeString("y.txt", "y");
            assertThat(dir.resolve("a/b/out")).doesNotExist();
            assertThat(Files.readString(out.staged().resolve("sub/y.txt"))).isEqualTo("y");
            out.commit();
        }
        assertThat(Files.readString(root.resolve("sub/y.txt"))).isEqualTo("y");
        assertThat(entries(dir.resolve("a/b"))).isEqualTo(1);
    }

    @Test
    void droppedWithoutCommitLeavesNothingNotEvenTheFoldersAbove() throws Exception {
        try (OutputFolder out = OutputFolder.begin(dir.resolve("a/b/out"), false, Inputs.none())) {
            out.writeString("x.txt", "x");
        }
        assertThat(entries(dir)).isZero();
    }

    @Test
    void aCommitThatFailsHalfWayPutsEveryReplacedFileBack() throws Exception {
        Path root = Files.createDirectories(dir.resolve("out"));
        Files.writeString(root.resolve("a.txt"), "old a");
        Files.writeString(root.resolve("keep.txt"), "keep");
        OutputFolder out = OutputFolder.begin(root, true, Inputs.none());
        out.writeString("a.txt", "new a");
        out.writeString("b.txt", "new b");
        out.writeString("z.txt", "new z");
        Files.createDirectories(root.resolve("z.txt")); // appears after staging: the last move must fail
        assertThatThrownBy(out::commit).isInstanceOf(VbiosException.class).hasMessageContaining("z.txt");
        assertThat(Files.readString(root.resolve("a.txt"), StandardCharsets.UTF_8)).isEqualTo("old a");
        assertThat(root.resolve("b.txt")).doesNotExist();
        assertThat(Files.readString(root.resolve("keep.txt"))).isEqualTo("keep");
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(PartFiles::isLeftover).toList()).isEmpty();
        }
    }

    @Test
    void staleWorkFilesDoNotMakeAFolderNonEmpty() throws Exception {
        Path root = Files.createDirectories(dir.resolve("out"));
        Files.write(root.resolve(".vbios_10de_1fb9.rom4471981237.part"), new byte[100]);
        Files.createDirectories(root.resolve(".vbios-staging991.part/ssdt"));
        try (OutputFolder out = OutputFolder.begin(root, false, Inputs.none())) {
            out.writeString("x.txt", "x");
            out.commit();
        }
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("x.txt");
        }
        Files.writeString(root.resolve("notes.part"), "user's own file");
        assertThatThrownBy(() -> OutputFolder.begin(root, false, Inputs.none())).hasMessageContaining("not empty");
    }
}
