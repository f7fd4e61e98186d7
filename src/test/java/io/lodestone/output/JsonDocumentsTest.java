package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The documents' own printer lays JSON out exactly as Jackson's default pretty printer does. */
class JsonDocumentsTest {
    private static final ObjectMapper JACKSON_DEFAULT = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void bytesMatchJacksonsDefaultLayoutOnRandomDocuments() throws Exception {
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            JsonNode document = randomNode(random, 0);
            assertArrayEquals(
                    JACKSON_DEFAULT.writeValueAsBytes(document), JsonDocuments.bytes(document), "document " + i);
            StringWriter cli = new StringWriter();
            JsonDocuments.write(document, cli);
            assertEquals(
                    JACKSON_DEFAULT.writeValueAsString(document) + System.lineSeparator(),
                    cli.toString(),
                    "CLI document " + i);
        }
    }

    @Test
    void indentationPastThePrecomputedLevelsStillMatches() throws Exception {
        ObjectNode root = NODES.objectNode();
        ObjectNode inner = root;
        for (int depth = 0; depth < 45; depth++) {
            inner.put("depth", depth);
            inner.putArray("empty");
            inner.putObject("none");
            inner = inner.putObject("next");
        }
        inner.putArray("leaf").add("ünïcode — \"quoted\"").add(1.5).addNull();
        String expected = JACKSON_DEFAULT.writeValueAsString(root);
        assertEquals(expected, new String(JsonDocuments.bytes(root), StandardCharsets.UTF_8));
        StringWriter cli = new StringWriter();
        JsonDocuments.write(root, cli);
        assertEquals(expected + System.lineSeparator(), cli.toString());
    }

    @Test
    void thePrinterSurvivesJavaSerializationAsJacksonsDefaultDoes() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new JsonDocuments.Indented());
        }
        Object back;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        ObjectNode document = NODES.objectNode();
        document.putArray("list").add(1).addObject().put("name", "x");
        ObjectMapper copy = new ObjectMapper()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setDefaultPrettyPrinter((JsonDocuments.Indented) back);
        assertEquals(JACKSON_DEFAULT.writeValueAsString(document), copy.writeValueAsString(document));
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = depth > 5 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.textNode(randomText(random));
            case 1 -> NODES.numberNode(random.nextInt(2) == 0 ? random.nextInt() : random.nextDouble() * 1e6);
            case 2 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 3 -> NODES.textNode("");
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomText(random) + i, randomNode(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "ab Z9\"\\\n\té—€𝄞<>&'";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            text.append(alphabet.charAt(at));
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at + 1));
            }
        }
        return text.toString();
    }
}
