package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vbios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs vbios commands in-process, as a user would type them. */
final class Vbios {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(List<String> args, int code, String out, String err) {
        /** Fails with the command, its exit status and its stderr unless it exited 0. */
        Run ok() {
            if (code != 0) {
                throw new AssertionError("vbios " + String.join(" ", args) + " exited " + code + ":\n" + err + out);
            }
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("vbios " + String.join(" ", args) + " did not print JSON:\n" + out, e);
            }
        }
    }

    private Vbios() {
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(List.copyOf(args), code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(List.of(args));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
