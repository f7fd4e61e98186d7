package io.lodestone.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Diagnostic;
import io.lodestone.output.JsonFormatter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP answer: status, content type and body bytes. */
record Reply(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    // indented like the CLI's --format json, so the two outputs read the same
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Reply json(int status, ObjectNode body) {
        try {
            return new Reply(status, JSON, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"errors": [...]}} with the CLI's error objects. */
    static Reply errors(int status, List<Diagnostic> errors) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("errors");
        errors.forEach(e -> list.add(JsonFormatter.toJson(e)));
        return json(status, root);
    }

    static Reply error(int status, Diagnostic.Kind kind, String message) {
        return errors(status, List.of(Diagnostic.request(kind, message)));
    }
}
