package io.lodestone.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** Writes the JSON-shaped outputs one way: indented, newline-terminated, the writer left open. */
final class JsonDocuments {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDocuments() {
    }

    static void write(JsonNode document, Writer out) throws IOException {
        PRETTY.writeValue(out, document);
        out.write(System.lineSeparator());
        out.flush();
    }
}
