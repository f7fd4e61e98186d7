package io.lodestone.server;

import io.lodestone.api.Diagnostic;
import io.lodestone.output.HttpDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One HTTP answer: status, content type and body bytes. */
@SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
record Reply(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    /** A JSON document from {@link HttpDocuments}. */
    static Reply json(int status, byte[] document) {
        return new Reply(status, JSON, document);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"errors": [...]}} with the CLI's error objects. */
    static Reply errors(int status, List<Diagnostic> errors) {
        return json(status, HttpDocuments.errors(errors));
    }

    static Reply error(int status, Diagnostic.Kind kind, String message) {
        return errors(status, List.of(Diagnostic.request(kind, message)));
    }
}
