package io.github.vbios.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON rendering for {@code --json}: one document on stdout, {@code "schema": 1}. The mapper is
 * created on first use only, so commands that print text never load Jackson (start-up time).
 */
public final class Json {
    public static final int SCHEMA = 1;

    private Json() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** A new object node that already carries {@code "schema": 1}. */
    public static ObjectNode document() {
        ObjectNode n = mapper().createObjectNode();
        n.put("schema", SCHEMA);
        return n;
    }

    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }
}
