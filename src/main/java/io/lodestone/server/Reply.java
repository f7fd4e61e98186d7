package io.lodestone.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.LoadError;
import io.lodestone.output.JsonFormatter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP answer: status, content type and body bytes. */
@SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
record Reply(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    /** Error kind for a request the server refuses before reading it as a fact set. */
    static final String KIND_REQUEST = "request";
    /** Error kind while no rule set is loaded and the last load gave no located errors. */
    static final String KIND_UNAVAILABLE = "unavailable";

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
    static Reply errors(int status, List<LoadError> errors) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("errors");
        errors.forEach(e -> list.add(JsonFormatter.toJson(e)));
        return json(status, root);
    }

    static Reply error(int status, String kind, String message) {
        return errors(status, List.of(new LoadError(kind, null, null, null, null, null, message)));
    }
}
