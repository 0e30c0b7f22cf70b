package io.github.vbios.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.sample.SampleHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Garbage in sysfs/procfs files ends in "unknown" values and findings, never an exception. */
class HostParserPropertiesTest {
    private static final List<String> ATTRIBUTES = List.of("vendor", "device", "subsystem_vendor",
            "subsystem_device", "class", "revision", "boot_vga", "resource", "power_state", "firmware_node/path");

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> texty = Arbitraries.strings().withChars("0123456789abcdefxX :-.\n\t ").ofMaxLength(120)
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(random, texty);
    }

    @Property(tries = 25)
    void anyAttributeContentIsSurvived(@ForAll("garbage") byte[] content, @ForAll("garbage") byte[] procContent)
            throws IOException {
        Path root = Files.createTempDirectory("vbios-host-prop");
        try {
            SampleHosts.optimusLaptop(root);
            Path dev = root.resolve("sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0");
            for (String a : ATTRIBUTES) {
                Files.createDirectories(dev.resolve(a).getParent());
                Files.write(dev.resolve(a), content);
            }
            Files.write(root.resolve("proc/cmdline"), procContent);
            Files.write(root.resolve("proc/iomem"), procContent);
            Files.write(root.resolve("proc/cpuinfo"), content);

            HostSnapshot host = new HostReader(root).snapshot();

            assertThat(host.devices()).hasSize(7);
            assertThat(host.device(PciAddress.parse("01:00.0").orElseThrow())).isPresent();
        } finally {
            delete(root);
        }
    }

    @Property(tries = 200)
    void resourceLinesNeverThrow(@ForAll("garbage") byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        assertThat(PciResource.parseAll(text)).allMatch(r -> r.size() >= 0);
    }

    @Property(tries = 200)
    void iomemLinesNeverThrow(@ForAll("garbage") byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        assertThat(IomemEntry.parseAll(text)).allMatch(e -> e.name() != null);
    }

    @Property(tries = 200)
    void cmdlineNeverThrows(@ForAll("garbage") byte[] content) {
        KernelCmdline c = KernelCmdline.parse(new String(content, StandardCharsets.ISO_8859_1));
        c.intelIommuOn();
        c.iommuTurnedOff();
        c.framebufferDisabled();
        assertThat(c.vfioIds()).allSatisfy(id -> assertThat(id).isEqualTo(id.toLowerCase(Locale.ROOT)));
    }

    @Property(tries = 200)
    void addressParsingNeverThrowsAndWhatParsesPrintsBack(@ForAll String text) {
        PciAddress.parse(text).ifPresent(a -> assertThat(PciAddress.parse(a.toString())).contains(a));
    }

    @Property(tries = 200)
    void everyAddressParsesBackFromItsSysfsAndLspciForms(@ForAll @IntRange(max = 0xFFFF) int domain,
            @ForAll @IntRange(max = 0xFF) int bus, @ForAll @IntRange(max = 0x1F) int slot,
            @ForAll @IntRange(max = 7) int function) {
        PciAddress a = new PciAddress(domain, bus, slot, function);
        assertThat(PciAddress.parse(a.toString())).contains(a);
        assertThat(PciAddress.parse(" " + a.toString().toUpperCase(Locale.ROOT) + "\n")).contains(a);
        if (domain == 0) {
            assertThat(PciAddress.parse(a.toString().substring("0000:".length()))).contains(a);
        }
    }

    @Property(tries = 200)
    void acpiCallAnswersEndInBytesOrIoException(@ForAll("garbage") byte[] content) {
        String answer = new String(content, StandardCharsets.ISO_8859_1);
        for (String a : List.of(answer, "{" + answer + "}")) {
            try {
                byte[] got = AcpiCallRomAccess.parse(a);
                // a buffer answer has one byte per comma-separated element
                String body = a.replace("\0", "").trim();
                body = body.substring(1, body.length() - 1).trim();
                assertThat(got).hasSize(body.isEmpty() ? 0 : body.split(",", -1).length);
            } catch (IOException expected) {
                assertThat(expected.getMessage()).contains("acpi_call answered");
            }
        }
        assertThat(AcpiCallRomAccess.chainEnd(content)).isGreaterThanOrEqualTo(-1);
    }

    @Property(tries = 200)
    void bufferAnswersParseBackToTheirBytes(@ForAll byte[] bytes) throws IOException {
        StringBuilder answer = new StringBuilder("{");
        for (int i = 0; i < bytes.length; i++) {
            answer.append(i == 0 ? "" : ", ").append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        assertThat(AcpiCallRomAccess.parse(answer.append("}").toString())).isEqualTo(bytes);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
