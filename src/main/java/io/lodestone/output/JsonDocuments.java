package io.lodestone.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one JSON mapper: every JSON document (CLI and HTTP) is written here, indented the same way, so
 * the same content gives the same bytes wherever it is served.
 */
public final class JsonDocuments {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDocuments() {}

    /** A CLI document: indented, newline-terminated, the writer flushed and left open. */
    static void write(JsonNode document, Writer out) throws IOException {
        PRETTY.writeValue(out, document);
        out.write(System.lineSeparator());
        out.flush();
    }

    /** An HTTP body: the same indented document as UTF-8 bytes, without the trailing newline. */
    static byte[] bytes(JsonNode document) {
        try {
            return PRETTY.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
