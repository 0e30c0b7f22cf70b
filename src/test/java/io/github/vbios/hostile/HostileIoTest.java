package io.github.vbios.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.DemoSamples;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a file, on every hostile input (issue 12 point 3 and "done when"):
 * devices, FIFOs (which would block an open forever), links to them, dangling links, folders, a
 * 3 GiB sparse file, non-UTF-8 bytes, an empty file. Each run must end within its timeout with a
 * documented refusal (never 1), print no stack trace or exception name, write nothing outside its
 * output folder, leave the inputs byte for byte as they were and leave no {@code .part} file.
 * The sysfs readers get the same inputs as a device's {@code rom} or {@code vendor} attribute and
 * as {@code /proc/cmdline} under {@code --host-root}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileIoTest {
    private static final int TIMEOUT_S = 60;

    Path work;
    Path good;
    Path host;
    final Map<String, Path> inputs = new LinkedHashMap<>();

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        work = dir;
        good = Files.createDirectories(work.resolve("good"));
        Files.write(good.resolve("gpu.rom"), DemoSamples.romfile());
        host = SampleHosts.optimusLaptop(work.resolve("host"));
        Path in = Files.createDirectories(work.resolve("in"));
        inputs.put("dev-zero", Path.of("/dev/zero"));
        inputs.put("dev-urandom", Path.of("/dev/urandom"));
        Path fifo = in.resolve("fifo");
        assertThat(HostileRun.sh("mkfifo", fifo.toString())).isZero();
        inputs.put("fifo", fifo);
        inputs.put("link-to-fifo", Files.createSymbolicLink(in.resolve("link-to-fifo"), fifo));
        inputs.put("link-to-zero", Files.createSymbolicLink(in.resolve("link-to-zero"), Path.of("/dev/zero")));
        inputs.put("dangling-link", Files.createSymbolicLink(in.resolve("dangling"), in.resolve("nothing-here")));
        Path folder = Files.createDirectories(in.resolve("folder"));
        Files.write(folder.resolve("gpu.rom"), DemoSamples.romfile());
        inputs.put("folder", folder);
        Path sparse = in.resolve("sparse-3g.bin");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        inputs.put("sparse-3GiB", sparse);
        inputs.put("non-utf8", Files.write(in.resolve("latin1.xml"),
                new byte[] {'<', 'd', 'o', 'm', 'a', 'i', 'n', '>', (byte) 0xE9, (byte) 0xFF, (byte) 0xC3, '<', '/'}));
        inputs.put("empty", Files.write(in.resolve("empty.rom"), new byte[0]));
        if (HostileRun.isRoot() && HostileRun.sh("mknod", in.resolve("zero-node").toString(), "c", "1", "5") == 0) {
            inputs.put("char-device-node", in.resolve("zero-node"));
        } else {
            System.out.println("HostileIoTest: not root or mknod refused: no device node of our own (/dev/zero is used)");
        }
    }

    /** The command lines: (input, fresh output path) -> arguments. */
    private Map<String, BiFunction<Path, Path, String[]>> commands() {
        Map<String, BiFunction<Path, Path, String[]>> c = new LinkedHashMap<>();
        String h = host.toString();
        c.put("info", (in, out) -> args("info", in));
        c.put("info --json", (in, out) -> args("info", "--json", in));
        c.put("patch", (in, out) -> args("patch", in, "-o", out.resolve("x.rom")));
        c.put("patch --check", (in, out) -> args("patch", "--check", in));
        c.put("extract", (in, out) -> args("extract", in, "-o", out));
        c.put("ssdt --rom", (in, out) -> args("ssdt", "--rom", in, "-o", out));
        c.put("ssdt --libvirt-xml", (in, out) -> args("ssdt", "--rom", good.resolve("gpu.rom"), "--libvirt-xml", in,
                "--hostdev", "0000:01:00.0", "-o", out));
        c.put("vm libvirt --domain", (in, out) -> args("vm", "libvirt", "--host-root", h, "--device",
                SampleHosts.LAPTOP_DGPU, "--domain", in, "-o", out.resolve("domain.xml")));
        c.put("vm qemu --romfile", (in, out) -> args("vm", "qemu", "--host-root", h, "--device",
                SampleHosts.LAPTOP_DGPU, "--romfile", in, "-o", out.resolve("qemu.txt")));
        c.put("vm qemu --ssdt", (in, out) -> args("vm", "qemu", "--host-root", h, "--device",
                SampleHosts.LAPTOP_DGPU, "--ssdt", in));
        c.put("optimus", (in, out) -> args("optimus", in, "-o", out, "--host-root", h));
        c.put("dump (rom attribute)", (in, out) -> args("dump", SampleHosts.LAPTOP_DGPU, "--host-root",
                hostWith(in, "rom"), "-o", out.resolve("d.rom")));
        c.put("doctor (/proc/cmdline)", (in, out) -> args("doctor", "--host-root", hostWith(in, "cmdline")));
        c.put("optimus (host vendor attribute)", (in, out) -> args("optimus", good.resolve("gpu.rom"), "-o", out,
                "--host-root", hostWith(in, "vendor")));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandOnEveryHostileInput() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] n = {0};
        for (var cmd : commands().entrySet()) {
            for (var in : inputs.entrySet()) {
                tests.add(DynamicTest.dynamicTest(cmd.getKey() + " on " + in.getKey(), () -> {
                    Path out = work.resolve("out-" + n[0]++);
                    String[] args = cmd.getValue().apply(in.getValue(), out);
                    check(cmd.getKey(), args, out);
                }));
            }
        }
        return tests.stream();
    }

    private void check(String name, String[] args, Path out) throws IOException {
        Map<String, String> before = HostileRun.snapshot(work);
        HostileRun.Result r = HostileRun.run(TIMEOUT_S, args);
        r.assertClean();
        // doctor reports on the host (0 or 6); optimus only notes a sysfs file it could not read
        boolean reportsHost = name.startsWith("doctor") || name.startsWith("optimus (host");
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all())
                .isIn(reportsHost ? List.of(0, 2, 3, 4, 6) : HostileRun.REFUSALS);
        Map<String, String> after = HostileRun.snapshot(work);
        String outName = work.relativize(out).toString();
        after.keySet().removeIf(k -> k.equals(outName) || k.startsWith(outName + "/"));
        before.keySet().removeIf(k -> k.startsWith("hosts"));
        after.keySet().removeIf(k -> k.startsWith("hosts"));
        assertThat(after).as("files outside the output folder, inputs' sha256").isEqualTo(before);
        assertThat(HostileRun.parts(work)).as(".part files").isEmpty();
        if (!reportsHost && r.code() != 4) {
            // (exit 4, "nothing found", still writes extract's report.json)
            assertThat(out).as("a refused run leaves no output folder behind, not even an empty one").doesNotExist();
        }
    }

    /**
     * The issue's own reproductions, each in a child JVM with a 64 MiB heap: before, each read
     * until an OutOfMemoryError stack trace (exit 1) or hung on a FIFO.
     */
    @TestFactory
    Stream<DynamicTest> boundedMemoryInAChildJvm() {
        Path fifo = inputs.get("fifo");
        List<String[]> runs = List.of(
                args("info", "/dev/zero"),
                args("patch", "/dev/zero", "-o", work.resolve("child-out.rom")),
                args("ssdt", "--rom", "/dev/urandom", "-o", work.resolve("child-out")),
                args("ssdt", "--rom", good.resolve("gpu.rom"), "--libvirt-xml", "/dev/zero", "-o", work.resolve("child-out")),
                args("vm", "libvirt", "--host-root", host, "--device", SampleHosts.LAPTOP_DGPU, "--domain", "/dev/zero"),
                args("info", fifo),
                args("extract", inputs.get("sparse-3GiB"), "-o", work.resolve("child-out")));
        return runs.stream().map(a -> DynamicTest.dynamicTest(String.join(" ", a), () -> {
            List<String> cmd = new ArrayList<>(HostileRun.java("-Xmx64m", "-Xshare:auto"));
            cmd.add("io.github.vbios.cli.Main");
            cmd.addAll(List.of(a));
            HostileRun.Result r = HostileRun.exec(TIMEOUT_S, cmd);
            r.assertClean();
            assertThat(r.code()).as(r.all()).isEqualTo(3);
            assertThat(r.err()).containsAnyOf("not a regular file", "over the limit");
            assertThat(work.resolve("child-out")).doesNotExist();
        }));
    }

    /** A copy of the sample host whose dGPU {@code rom}/{@code vendor} or {@code /proc/cmdline} is a link to {@code in}. */
    private String hostWith(Path in, String which) {
        try {
            Path root = work.resolve("hosts").resolve(which + "-" + in.getFileName());
            if (!Files.isDirectory(root)) {
                SampleHosts.optimusLaptop(root);
                Path target = which.equals("cmdline") ? root.resolve("proc/cmdline")
                        : root.resolve("sys/bus/pci/devices").resolve(SampleHosts.LAPTOP_DGPU).resolve(which);
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, in);
            }
            return root.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] args(Object... parts) {
        return Stream.of(parts).map(Object::toString).toArray(String[]::new);
    }
}
