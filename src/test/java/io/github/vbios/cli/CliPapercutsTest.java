package io.github.vbios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The papercuts of issue 13.4, found by using vbios as a new user would: each test runs the
 * command line that showed one and checks what a user now sees.
 */
class CliPapercutsTest {
    @TempDir
    Path tmp;

    private static DoctorCommandTest.Run run(String... args) {
        return DoctorCommandTest.run(args);
    }

    @Test
    void aMistypedVerbNamesTheVerbMeant() {
        DoctorCommandTest.Run r = run("inof", "x.rom");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'inof' is not a vbios command").contains("Did you mean: vbios info?")
                .doesNotContain("Unmatched arguments");
        DoctorCommandTest.Run vm = run("vm", "qemuu");
        assertThat(vm.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(vm.err()).contains("Did you mean: vbios vm qemu?").contains("Try 'vbios vm --help'");
        DoctorCommandTest.Run option = run("info", "--jsn", "x.rom");
        assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("Did you mean: --json?");
    }

    /** Each verb's line in {@code vbios --help} is its first whole sentence, never a cut one. */
    @Test
    void topLevelHelpListsWholeSentences() {
        DoctorCommandTest.Run r = run("--help");
        assertThat(r.code()).isZero();
        // compared without white space: picocli wraps long lines at any punctuation
        String help = r.out().replaceAll("\\s+", "");
        CommandLine tree = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        tree.getSubcommands().forEach((name, sub) -> {
            String first = VbiosCommand.AllVerbs.firstSentence(
                    String.join(" ", sub.getCommandSpec().usageMessage().description()));
            assertThat(first).as(name).endsWith(".");
            assertThat(help).as(name).contains(name + first.replaceAll("\\s+", ""));
        });
        assertThat(r.out()).doesNotContain("the PCI view, from\n");
    }

    @Test
    void aBadSizeNamesTheOptionAndTheValueAsTyped() throws IOException {
        Path in = Files.write(tmp.resolve("in.bin"), new byte[16]);
        DoctorCommandTest.Run r = run("extract", "--max-stream=abc", in.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--max-stream").contains("'abc'").doesNotContain("For input string")
                .doesNotContain("ABC");
        DoctorCommandTest.Run total = run("extract", "--max-total=12Q", in.toString());
        assertThat(total.err()).contains("--max-total").contains("'12Q'");
    }

    @Test
    void aFolderAsTheOutputOfOneFileIsCalledAFolder() throws IOException {
        Path rom = Files.write(tmp.resolve("in.rom"), singleImageRom());
        Path dir = Files.createDirectories(tmp.resolve("dirout"));
        DoctorCommandTest.Run r = run("patch", rom.toString(), "-o", dir.toString(), "--force");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("dirout is a folder; name a file to write").doesNotContain("I/O error");
    }

    /**
     * An output the system refuses names the file the user gave, never vbios's hidden work file,
     * and comes alone: no report before it (sysfs refuses new files with EACCES, procfs with ENOENT).
     */
    @Test
    void anUnwritableOutputNamesTheUsersFileNotTheWorkFile() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/bus")) && Files.isDirectory(
                Path.of("/proc/self")), "needs Linux sysfs and procfs");
        Path rom = Files.write(tmp.resolve("in.rom"), singleImageRom());
        for (String target : new String[] {"/sys/vbios-test.rom", "/proc/vbios-test.rom"}) {
            DoctorCommandTest.Run r = run("patch", rom.toString(), "-o", target);
            assertThat(r.code()).as(r.err()).isIn(ExitCodes.PERMISSION, ExitCodes.OUTPUT_IO);
            assertThat(r.err()).startsWith("vbios: cannot write " + target + ": ").doesNotContain(".part")
                    .doesNotContain("vbios-test.rom" + "0").contains("nothing was written");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aFolderAsTheInputIsCalledAFolderByEveryCommand() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("roms"));
        String out = tmp.resolve("out.rom").toString();
        for (String[] args : new String[][] {{"info", dir.toString()}, {"extract", dir.toString()},
            {"patch", dir.toString(), "-o", out}, {"ssdt", "--rom", dir.toString(), "-o", out}}) {
            String verb = args[0];
            DoctorCommandTest.Run r = run(args);
            assertThat(r.code()).as(verb).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err()).as(verb).contains("roms is a folder").doesNotContain("no such file");
        }
    }

    @Test
    void dumpOnAHostWithoutGpuIsNothingFound() throws IOException {
        Path host = Files.createDirectories(tmp.resolve("host/sys/bus/pci/devices"));
        DoctorCommandTest.Run r = run("dump", "--host-root", tmp.resolve("host").toString(), "-o",
                tmp.resolve("x.rom").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).contains("no GPU found");
        assertThat(host).isEmptyDirectory();
        assertThat(tmp.resolve("x.rom")).doesNotExist();
    }

    @Test
    void oneImageIsOneImage() throws IOException {
        Path rom = Files.write(tmp.resolve("one.rom"), singleImageRom());
        DoctorCommandTest.Run r = run("info", rom.toString());
        assertThat(r.out()).as(r.err()).contains("1 image)").doesNotContain("1 images");
    }

    @Test
    void doctorJsonAnswersForAMissingDeviceToo() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        DoctorCommandTest.Run r = run("doctor", "--json", "--host-root", host.toString(), "05:00.0");
        assertThat(r.code()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.get("capable").asBoolean()).isFalse();
        assertThat(doc.get("devices")).isEmpty();
        assertThat(doc.get("checks").get(0).get("id").asText()).isEqualTo("device-found");
        assertThat(doc.get("checks").get(0).get("status").asText()).isEqualTo("fail");
        assertThat(doc.get("checks").get(0).get("device").asText()).isEqualTo("0000:05:00.0");
        assertThat(r.err()).contains("no PCI device 0000:05:00.0");
        DoctorCommandTest.Run text = run("doctor", "--host-root", host.toString(), "05:00.0");
        assertThat(text.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(text.out()).isEmpty();
    }

    /** Proxmox picks its own OVMF: the QEMU-only options are refused, and --keep-hotplug acts. */
    @Test
    void proxmoxTakesNoOptionItWouldIgnore() throws IOException {
        Path host = SampleHosts.optimusLaptop(tmp.resolve("host"));
        String[] base = {"vm", "proxmox", "--device", SampleHosts.LAPTOP_DGPU, "--host-root", host.toString()};
        for (String opt : new String[] {"--ovmf-code", "--ovmf-vars"}) {
            String[] args = Stream.concat(Arrays.stream(base), Stream.of(
                    opt, "/x.fd")).toArray(String[]::new);
            assertThat(run(args).code()).as(opt).isEqualTo(ExitCodes.USAGE);
        }
        DoctorCommandTest.Run off = run(base);
        String[] keep = Stream.concat(Arrays.stream(base), Stream.of(
                "--keep-hotplug")).toArray(String[]::new);
        DoctorCommandTest.Run on = run(keep);
        assertThat(off.out()).contains("hotplug=off");
        assertThat(on.out()).doesNotContain("hotplug=off");
    }

    /** -o, --force and --json mean the same on every command, so they are worded the same (one mixin). */
    @Test
    void sharedOptionsHaveOneWording() {
        CommandLine tree = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Map<String, Set<String>> wordings = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        collect(tree, wordings, uses);
        for (String name : new String[] {"--output", "--force", "--json"}) {
            assertThat(wordings.get(name)).as(name).hasSize(1);
        }
        // patch, extract, dump, ssdt, optimus and the three vm targets write
        assertThat(uses.get("--output")).isEqualTo(8);
        assertThat(uses.get("--force")).isEqualTo(8);
    }

    private static void collect(CommandLine cl, Map<String, Set<String>> wordings, Map<String, Integer> uses) {
        if (cl.getCommandSpec().parent() != null) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                for (String name : o.names()) {
                    if (name.equals("--output") || name.equals("--force") || name.equals("--json")) {
                        wordings.computeIfAbsent(name, k -> new HashSet<>()).add(String.join(" ", o.description()));
                        uses.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, wordings, uses));
    }

    /** One x86 image, 512 bytes, 10de:1234, last in the chain, with a valid checksum. */
    static byte[] singleImageRom() {
        byte[] b = new byte[512];
        b[0] = 0x55;
        b[1] = (byte) 0xAA;
        b[2] = 1;
        b[0x18] = 0x40;
        int p = 0x40;
        b[p] = 'P';
        b[p + 1] = 'C';
        b[p + 2] = 'I';
        b[p + 3] = 'R';
        b[p + 4] = (byte) 0xde;
        b[p + 5] = 0x10;
        b[p + 6] = 0x34;
        b[p + 7] = 0x12;
        b[p + 0x0A] = 0x18;
        b[p + 0x0D] = 0x00;
        b[p + 0x0F] = 0x03;
        b[p + 0x10] = 1;
        b[p + 0x14] = 0;
        b[p + 0x15] = (byte) 0x80;
        int sum = 0;
        for (byte x : b) {
            sum += x & 0xFF;
        }
        b[511] = (byte) (-sum);
        return b;
    }
}
