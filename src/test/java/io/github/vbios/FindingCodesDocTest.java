package io.github.vbios;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vbios.acpi.AcpiCode;
import io.github.vbios.firmware.FirmwareCode;
import io.github.vbios.firmware.Incomplete;
import io.github.vbios.host.HostCode;
import io.github.vbios.io.FindingCode;
import io.github.vbios.io.Severity;
import io.github.vbios.plan.PlanCode;
import io.github.vbios.rom.RomCode;
import io.github.vbios.rom.nvidia.NvidiaCode;
import io.github.vbios.vm.VmCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding code is a promise to scripts: docs/json.md lists each one exactly once, and lists
 * no code the enums do not have. A new enum constant without a docs row fails here.
 */
class FindingCodesDocTest {
    /** The code enums, by room: their constants' ids must start with the room. */
    private static final Map<String, FindingCode[]> ROOMS = new LinkedHashMap<>();

    static {
        ROOMS.put("rom", Stream.concat(Arrays.stream(RomCode.values()), Arrays.stream(NvidiaCode.values()))
                .toArray(FindingCode[]::new));
        ROOMS.put("firmware", FirmwareCode.values());
        ROOMS.put("host", HostCode.values());
        ROOMS.put("vm", VmCode.values());
        ROOMS.put("acpi", AcpiCode.values());
        ROOMS.put("plan", PlanCode.values());
    }

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+\\.[a-z0-9-]+)` \\| (.+) \\|$");

    static List<String> documented() throws IOException {
        List<String> codes = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("docs/json.md"))) {
            if (line.equals("<!-- finding-codes -->")) {
                in = true;
            } else if (in && line.startsWith("|")) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    assertThat(m.group(2).strip()).as("meaning of " + m.group(1)).isNotBlank();
                    codes.add(m.group(1));
                }
            } else if (in && !codes.isEmpty()) {
                break; // the table ended
            }
        }
        return codes;
    }

    static List<String> declared() {
        List<String> ids = new ArrayList<>();
        ROOMS.values().forEach(v -> Arrays.stream(v).map(FindingCode::id).forEach(ids::add));
        return ids;
    }

    @Test
    void docsListEveryCodeOnceAndNoOther() throws IOException {
        List<String> docs = documented();
        assertThat(docs).as("the finding-codes table of docs/json.md").isNotEmpty().doesNotHaveDuplicates();
        assertThat(docs).containsExactlyInAnyOrderElementsOf(declared());
    }

    @Test
    void idsAreRoomDotKebabAndUnique() {
        assertThat(declared()).doesNotHaveDuplicates();
        ROOMS.forEach((room, codes) -> assertThat(codes).allSatisfy(c -> assertThat(c.id())
                .matches(Pattern.quote(room) + "\\.[a-z0-9]+(-[a-z0-9]+)*")
                .isEqualTo(room + "." + ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))));
    }

    /** A plan code's severity is part of its promise: the docs row says "(info)" exactly for the INFO ones. */
    @Test
    void planCodeSeveritiesAreDocumented() throws IOException {
        Map<String, String> meaning = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/json.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                meaning.put(m.group(1), m.group(2));
            }
        }
        for (PlanCode c : PlanCode.values()) {
            assertThat(c.note("x").severity()).as(c.id()).isEqualTo(c.severity());
            assertThat(meaning.get(c.id()).contains("(info)")).as("docs row of " + c.id() + " says (info)")
                    .isEqualTo(c.severity() == Severity.INFO);
        }
    }

    @Test
    void everyIncompleteReasonHasItsOwnFindingCode() {
        assertThat(Arrays.stream(Incomplete.values()).map(Incomplete::finding)).doesNotHaveDuplicates()
                .doesNotContainNull();
    }
}
