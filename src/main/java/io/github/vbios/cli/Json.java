package io.github.vbios.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON rendering for {@code --json}: one document on stdout, {@code "schema": 1}, indented.
 *
 * <p>Documents are trees built with the node factory and written by {@link #writeTree} through a
 * plain streaming generator: no {@link ObjectMapper}, whose set-up (serializer caches, type
 * factory, date formats) costs more start-up time than a short command's whole work. The
 * mapper is still here, created on first use, for the few places that turn records into trees.
 * Commands that print text never load Jackson at all.
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

    private static final class Factory {
        static final JsonFactory JSON = new JsonFactory();
    }

    /** For turning records into trees ({@code valueToTree}) and for tests that read output back. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A new object node that already carries {@code "schema": 1}. */
    public static ObjectNode document() {
        ObjectNode n = object();
        n.put("schema", SCHEMA);
        return n;
    }

    /** An indenting generator over {@code out} that leaves {@code out} open when closed. */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = Factory.JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /**
     * The indented text of a tree ({@link JsonNode}), as ObjectMapper's INDENT_OUTPUT would write
     * it. Declared with Object on purpose: command classes call it, and a JsonNode parameter would
     * make the bytecode verifier load Jackson's node classes whenever a command class is loaded,
     * which is on the start-up path of every command (StartupPathTest).
     */
    public static String write(Object tree) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w)) {
            writeTree(g, (JsonNode) tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /** Writes {@code node} and everything below it. */
    public static void writeTree(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    writeTree(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode child : node) {
                    writeTree(g, child);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> writeNumber(g, node);
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> {
                Object pojo = ((POJONode) node).getPojo();
                writeTree(g, mapper().valueToTree(pojo));
            }
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.numberType()) {
            case INT -> g.writeNumber(n.intValue());
            case LONG -> g.writeNumber(n.longValue());
            case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
            case FLOAT -> g.writeNumber(n.floatValue());
            case DOUBLE -> g.writeNumber(n.doubleValue());
            case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
        }
    }
}
